import type { EmbedWidget, UiLanguage } from "@conventio/domain";

/** What an embed shows: a widget in a language, and for the partnerships list, its filters. */
export interface EmbedChoice {
  widget: EmbedWidget;
  lang: UiLanguage;
  theme: string;
  country: string;
  unit: string;
  /** The frame's title, which names it for screen-reader users of the page it sits in. */
  title: string;
}

/** Text as an HTML attribute's value in double quotes. */
function attribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The filters that apply: only the partnerships list takes them, and only those chosen. */
export function embedFilters(choice: EmbedChoice): Array<["theme" | "country" | "unit", string]> {
  if (choice.widget !== "partnerships") return [];
  return (["theme", "country", "unit"] as const).flatMap((name) => (choice[name] ? [[name, choice[name]]] : []));
}

/** The widget's address: /embed/{lang}/{widget}, with its filters as a query. */
export function embedUrl(origin: string, choice: EmbedChoice): string {
  const query = new URLSearchParams(embedFilters(choice)).toString();
  return `${origin}/embed/${choice.lang}/${choice.widget}${query ? `?${query}` : ""}`;
}

/** A frame to paste into any page. */
export function iframeSnippet(origin: string, choice: EmbedChoice): string {
  return `<iframe src="${attribute(embedUrl(origin, choice))}" title="${attribute(choice.title)}" loading="lazy" style="width:100%;border:0;min-height:480px"></iframe>`;
}

/** The script that puts the frame where it stands and follows the height of what it shows. */
export function scriptSnippet(origin: string, choice: EmbedChoice): string {
  const data = [["widget", choice.widget], ["lang", choice.lang], ...embedFilters(choice), ["title", choice.title]]
    .map(([name, value]) => ` data-${name}="${attribute(value ?? "")}"`)
    .join("");
  return `<script src="${attribute(`${origin}/embed.js`)}"${data} async></script>`;
}
