import type { EwpContact, EwpContactInput, LocalisedUrl } from "@conventio/domain";
import { rowKey } from "../agreements/agreement-draft";

/**
 * What the EWP forms share: texts kept exactly as typed (several of them are hashed, so nothing
 * is trimmed or re-cased), an empty input sent as absent, and rows that remember the record they
 * came from so that parts the form does not show travel back unchanged.
 */

/** An input's text, or absent when nothing but spaces was typed; otherwise kept as written. */
export const optional = (text: string): string | undefined => (text.trim() === "" ? undefined : text);

/** A number input's value, or absent when empty; anything else is left to the schema to refuse. */
export function optionalNumber(value: number | string): number | undefined {
  if (typeof value === "number") return value;
  return value.trim() === "" ? undefined : Number(value);
}

/**
 * Where each row lands in what is sent once blank rows are left out: its index there, or null
 * for a blank row. Errors come back under the sent index; the form asks with this one.
 */
export function sentIndexes<T>(rows: readonly T[], blank: (row: T) => boolean): (number | null)[] {
  let next = 0;
  return rows.map((row) => (blank(row) ? null : next++));
}

/** Asks for a row's message by its index among the rows sent, blank rows being left out. */
export function rowErrors<T>(
  rows: readonly T[],
  blank: (row: T) => boolean,
  path: string,
  error: (path: string) => string | undefined,
): (i: number, field: string) => string | undefined {
  const sent = sentIndexes(rows, blank);
  return (i, field) => {
    const index = sent[i];
    return index === null || index === undefined ? undefined : error(`${path}.${index}.${field}`);
  };
}

/** A contact as the forms edit it: its first name and e-mail; the rest of the record is kept. */
export interface ContactRow {
  key: string;
  base: EwpContact | null;
  name: string;
  email: string;
}

export const emptyContactRow = (): ContactRow => ({ key: rowKey(), base: null, name: "", email: "" });

export function contactRowOf(contact: EwpContact): ContactRow {
  return { key: rowKey(), base: contact, name: contact.names[0]?.value ?? "", email: contact.emails[0] ?? "" };
}

export const isBlankContact = (row: ContactRow): boolean => row.name.trim() === "" && row.email.trim() === "";

/** The contact to send: the first name and e-mail as typed, every other detail as it was. */
export function contactOf(row: ContactRow): EwpContactInput {
  const base = row.base;
  const otherNames = base?.names.slice(1) ?? [];
  const otherEmails = base?.emails.slice(1) ?? [];
  const first = base?.names[0];
  return {
    ...(base ?? {}),
    names: optional(row.name) === undefined ? otherNames : [{ ...(first ?? {}), value: row.name }, ...otherNames],
    emails: optional(row.email) === undefined ? otherEmails : [row.email, ...otherEmails],
  };
}

/** The contacts to send, blank rows left out. */
export const contactsOf = (rows: readonly ContactRow[]): EwpContactInput[] =>
  rows.filter((row) => !isBlankContact(row)).map(contactOf);

/** A web address with its language, as one row of a form. */
export interface UrlRow {
  key: string;
  url: string;
  lang: string;
}

export const urlRowOf = (u: LocalisedUrl): UrlRow => ({ key: rowKey(), url: u.url, lang: u.lang ?? "" });
export const emptyUrlRow = (): UrlRow => ({ key: rowKey(), url: "", lang: "" });
export const isBlankUrl = (row: UrlRow): boolean => row.url.trim() === "" && row.lang.trim() === "";

export const urlsOf = (rows: readonly UrlRow[]): LocalisedUrl[] =>
  rows.filter((row) => !isBlankUrl(row)).map((row) => ({ url: row.url, lang: optional(row.lang) }));
