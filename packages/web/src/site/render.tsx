import type { SiteDocument, SiteRendering } from "@conventio/domain";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { Site } from "./site";
import { SiteProvider } from "./site-context";
import { Head, headFacts } from "./site-head";
import { siteI18n } from "./site-i18n";

const STATUS = { "not-found": 404, gone: 410 } as Partial<Record<SiteDocument["page"]["kind"], number>>;
const COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * The server-side entry of the public site: a document in, a complete HTML page out. The body is
 * React markup the browser hydrates island by island; the head is static.
 */
export function renderSite(doc: SiteDocument): SiteRendering {
  const i18n = siteI18n(doc.lang);
  const t = i18n.getFixedT(doc.lang);
  const body = renderToString(
    <I18nextProvider i18n={i18n}>
      <SiteProvider value={doc}>
        <Site page={doc.page} />
      </SiteProvider>
    </I18nextProvider>,
  );
  const head = renderToStaticMarkup(<Head doc={doc} facts={headFacts(doc, t)} />);
  const { primary, accent } = doc.settings.colours;
  const colours = [COLOUR.test(primary) ? `--brand:${primary}` : "", COLOUR.test(accent) ? `--accent:${accent}` : ""]
    .filter(Boolean)
    .join(";");
  const assets = [
    ...doc.assets.styles.map((href) => `<link rel="stylesheet" href="${href}">`),
    ...doc.assets.preload.map((href) => `<link rel="modulepreload" href="${href}">`),
    ...doc.assets.scripts.map((src) => `<script type="module" src="${src}"></script>`),
  ].join("");
  const html =
    `<!doctype html><html lang="${doc.lang}" data-embed="${doc.embed}">` +
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}${assets}` +
    (colours ? `<style>:root{${colours}}</style>` : "") +
    `</head><body><div id="site">${body}</div></body></html>`;
  return { status: STATUS[doc.page.kind] ?? 200, html };
}
