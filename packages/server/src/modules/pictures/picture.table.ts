import type { PictureOwnerKind } from "@conventio/domain";

/** A picture of one record: the original kept under a generated name, and the sizes made from it. */
export interface PictureTable {
  id: string;
  owner_kind: PictureOwnerKind;
  owner_id: string;
  file_key: string; // generated; names the original and its sizes in the file store (pictures/…)
  original_name: string; // for display only; never a path
  media_type: string; // of the original, detected from the content
  original_ext: string;
  size: number;
  width: number; // of the original, upright
  height: number;
  thumb_width: number;
  thumb_height: number;
  display_width: number;
  display_height: number;
  caption: string; // JSON [{lang, value}]
  alt: string; // JSON [{lang, value}]
  credit: string | null;
  is_public: number; // 0 or 1
  position: number;
  uploaded_by: string | null;
  uploaded_at: string;
  updated_at: string;
}
