import type { ImportKind } from "@conventio/domain";

/** A column mapping saved for one file layout: the kind and the folded headers. */
export interface ImportMappingTable {
  layout_key: string;
  kind: ImportKind;
  mapping: string; // JSON: field name → source column header or null
  updated_by: string | null;
  updated_at: string;
}
