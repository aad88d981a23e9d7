import { Readable } from "node:stream";
import {
  type OpenDataFormat,
  type OpenDataLicence,
  type OpenDataPartner,
  type OpenDataPartnership,
  type OpenDataSet,
  type Page,
  pickLocalised,
  type UiLanguage,
} from "@conventio/domain";
import type { AgreementService } from "#modules/agreements/agreement.service.js";
import { type CellValue, csvStream, toCell } from "#modules/exports/spreadsheet-writers.js";
import type { OrganisationService } from "#modules/organisations/organisation.service.js";
import type { SiteBrand } from "#modules/site-settings/site-settings.service.js";
import type { Deps } from "#shared/deps.js";
import { countriesOf, partnerFactsOf, themesOf } from "./open-data.repository.js";

/** Records read from the public list at a time. */
export const OPEN_DATA_PAGE_SIZE = 500;

/** One data set: its CSV columns, a page of its records, and a record's cells. */
interface DataSet<Item> {
  header: readonly string[];
  page(lang: UiLanguage, cursor: string | undefined): Promise<Page<Item>>;
  cells(item: Item): CellValue[];
}

export interface OpenedData {
  stream: Readable;
  fileName: string;
  mediaType: string;
  licence: OpenDataLicence;
}

/**
 * Read model: the open data, made from the public lists of agreements and organisations (their
 * own selection of what is public, in the reader's language) and a few facts the portal also
 * shows, read a page at a time and written as it is read, in CSV or JSON, under the licence and
 * the name of the institution.
 */
export function createOpenDataService(
  deps: Pick<Deps, "db" | "clock">,
  settings: { publicUrl: string },
  parts: {
    agreements: Pick<AgreementService, "listPublicAgreements">;
    organisations: Pick<OrganisationService, "listPublicOrganisations">;
    siteSettings: SiteBrand;
  },
) {
  const { db } = deps;
  const base = settings.publicUrl.replace(/\/+$/, "");

  const partnerships: DataSet<OpenDataPartnership> = {
    header: [
      "id",
      "reference",
      "title",
      "kind",
      "status",
      "signedOn",
      "startsOn",
      "endsOn",
      "partners",
      "partnerCountries",
      "themes",
      "url",
    ],
    async page(lang, cursor) {
      const page = await parts.agreements.listPublicAgreements({ cursor, limit: OPEN_DATA_PAGE_SIZE }, lang);
      const [themes, countries] = await Promise.all([
        themesOf(
          db,
          page.items.map((a) => a.id),
        ),
        countriesOf(
          db,
          page.items.flatMap((a) => a.parties.map((p) => p.id)),
        ),
      ]);
      const items = page.items.map(
        (a): OpenDataPartnership => ({
          id: a.id,
          reference: a.reference,
          title: a.shown.text,
          kind: a.kind,
          status: a.status,
          signedOn: a.signedOn,
          startsOn: a.startsOn,
          endsOn: a.endsOn,
          partners: a.parties.map((p) => ({ name: p.shown.text, country: countries.get(p.id) ?? null })),
          themes: (themes.get(a.id) ?? []).map((t) => pickLocalised(t.label, null, t.labels, lang).text),
          url: `${base}/${lang}/partnerships/${encodeURIComponent(a.id)}`,
        }),
      );
      return { items, nextCursor: page.nextCursor };
    },
    cells: (p) => [
      p.id,
      p.reference,
      p.title,
      p.kind,
      p.status,
      p.signedOn,
      p.startsOn,
      p.endsOn,
      p.partners.map((x) => x.name),
      [...new Set(p.partners.flatMap((x) => (x.country ? [x.country] : [])))],
      p.themes,
      p.url,
    ],
  };

  const partners: DataSet<OpenDataPartner> = {
    header: ["id", "name", "acronym", "kind", "country", "city", "website", "ror", "erasmusCode", "url"],
    async page(lang, cursor) {
      const page = await parts.organisations.listPublicOrganisations({ cursor, limit: OPEN_DATA_PAGE_SIZE }, lang);
      const facts = await partnerFactsOf(
        db,
        page.items.map((o) => o.id),
      );
      const items = page.items.map((o): OpenDataPartner => {
        const known = facts.get(o.id);
        return {
          id: o.id,
          name: o.shown.text,
          acronym: o.acronym,
          kind: o.kind,
          country: o.countryCode,
          city: o.city,
          website: known?.website ?? null,
          ror: known?.ror ?? null,
          erasmusCode: known?.erasmusCode ?? null,
          url: `${base}/${lang}/partners/${encodeURIComponent(o.id)}`,
        };
      });
      return { items, nextCursor: page.nextCursor };
    },
    cells: (o) => [o.id, o.name, o.acronym, o.kind, o.country, o.city, o.website, o.ror, o.erasmusCode, o.url],
  };

  // Method parameters are compared loosely, so each set stands as a set of anything here.
  const sets: Record<OpenDataSet, DataSet<unknown>> = { partnerships, partners };

  return {
    /**
     * Opens a data set in the language asked for, else the site's default language. The first
     * page is read before anything is returned, so a failure is an error the caller can report;
     * the rest is read as the stream is.
     */
    async openDataSet(set: OpenDataSet, format: OpenDataFormat, lang?: UiLanguage): Promise<OpenedData> {
      const site = await parts.siteSettings.get();
      const language = lang ?? site.defaultLanguage;
      const source = sets[set];
      const first = await source.page(language, undefined);
      const items = itemsOf(first, (cursor) => source.page(language, cursor));
      const generatedAt = deps.clock.now().toISOString();
      const day = generatedAt.slice(0, 10);
      const stream =
        format === "csv"
          ? csvStream(source.header, cellsOf(items, source.cells))
          : Readable.from(
              jsonDocument({ licence: site.openDataLicence, publisher: site.institutionName, generatedAt }, items),
            );
      return {
        stream,
        fileName: `${set}-${day}.${format}`,
        mediaType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        licence: site.openDataLicence,
      };
    },
  };
}
export type OpenDataService = ReturnType<typeof createOpenDataService>;

/** Walks the keyset pages from the first, one record at a time. */
async function* itemsOf<Item>(first: Page<Item>, next: (cursor: string) => Promise<Page<Item>>): AsyncGenerator<Item> {
  let page = first;
  for (;;) {
    yield* page.items;
    if (!page.nextCursor) return;
    page = await next(page.nextCursor);
  }
}

/** A record's CSV row: text that a spreadsheet would run as a formula starts with an apostrophe. */
async function* cellsOf<Item>(items: AsyncIterable<Item>, cells: (item: Item) => CellValue[]) {
  for await (const item of items) yield cells(item).map(toCell);
}

/** The JSON file, written as its items are read: the head, then each item, then the end. */
async function* jsonDocument(
  head: { licence: OpenDataLicence; publisher: string; generatedAt: string },
  items: AsyncIterable<unknown>,
): AsyncGenerator<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"items":[`;
  let first = true;
  for await (const item of items) {
    yield `${first ? "" : ","}\n${JSON.stringify(item)}`;
    first = false;
  }
  yield "\n]}\n";
}
