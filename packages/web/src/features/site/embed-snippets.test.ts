import { describe, expect, it } from "vitest";
import { type EmbedChoice, embedUrl, iframeSnippet, scriptSnippet } from "./embed-snippets";

const ORIGIN = "https://partners.univ-lille.fr";
const base: EmbedChoice = {
  widget: "partnerships",
  lang: "fr",
  theme: "",
  country: "",
  unit: "",
  title: "Partenariats",
};

describe("embed snippets", () => {
  it("frames the partnerships list with the filters chosen, in order", () => {
    const choice = { ...base, theme: "robotique", country: "JP", unit: "01abc" };
    expect(embedUrl(ORIGIN, choice)).toBe(`${ORIGIN}/embed/fr/partnerships?theme=robotique&country=JP&unit=01abc`);
    expect(iframeSnippet(ORIGIN, choice)).toBe(
      `<iframe src="${ORIGIN}/embed/fr/partnerships?theme=robotique&amp;country=JP&amp;unit=01abc" title="Partenariats" loading="lazy" style="width:100%;border:0;min-height:480px"></iframe>`,
    );
    expect(scriptSnippet(ORIGIN, choice)).toBe(
      `<script src="${ORIGIN}/embed.js" data-widget="partnerships" data-lang="fr" data-theme="robotique" data-country="JP" data-unit="01abc" data-title="Partenariats" async></script>`,
    );
  });

  it("leaves out filters not chosen, and every filter of the map and the events", () => {
    expect(embedUrl(ORIGIN, { ...base, country: "SE" })).toBe(`${ORIGIN}/embed/fr/partnerships?country=SE`);
    const map = { ...base, widget: "map" as const, theme: "robotique", title: "Carte" };
    expect(embedUrl(ORIGIN, map)).toBe(`${ORIGIN}/embed/fr/map`);
    expect(scriptSnippet(ORIGIN, map)).not.toContain("data-theme");
  });

  it("escapes what would end an attribute or start a tag", () => {
    const choice = { ...base, theme: 'a"b&c', title: 'Our "partners" <list>' };
    expect(iframeSnippet(ORIGIN, choice)).toContain('title="Our &quot;partners&quot; &lt;list&gt;"');
    expect(iframeSnippet(ORIGIN, choice)).toContain("theme=a%22b%26c");
    expect(scriptSnippet(ORIGIN, choice)).toContain('data-theme="a&quot;b&amp;c"');
  });
});
