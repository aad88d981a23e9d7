import type { PictureFileView, PictureSize, PictureView, PublicPictureView } from "@conventio/domain";
import type { PictureRow } from "./picture.repository.js";
import { GENERATED_MEDIA_TYPE } from "./picture-files.js";

type Localised = Array<{ lang: string; value: string }>;

const path = (id: string) => encodeURIComponent(id);

function files(row: PictureRow, url: (size: PictureSize) => string): Record<PictureSize, PictureFileView> {
  return {
    thumb: { url: url("thumb"), width: row.thumb_width, height: row.thumb_height, mediaType: GENERATED_MEDIA_TYPE },
    display: {
      url: url("display"),
      width: row.display_width,
      height: row.display_height,
      mediaType: GENERATED_MEDIA_TYPE,
    },
  };
}

export function hasAlt(row: Pick<PictureRow, "alt">): boolean {
  return (JSON.parse(row.alt) as Localised).length > 0;
}

/** A picture for staff; `shownToPublic` says whether the public sees it now. */
export function presentPicture(row: PictureRow, shownToPublic: boolean): PictureView {
  return {
    id: row.id,
    owner: { kind: row.owner_kind, id: row.owner_id },
    fileName: row.original_name,
    mediaType: row.media_type,
    size: row.size,
    width: row.width,
    height: row.height,
    caption: JSON.parse(row.caption) as Localised,
    alt: JSON.parse(row.alt) as Localised,
    credit: row.credit,
    public: row.is_public === 1,
    shownToPublic,
    position: row.position,
    files: files(row, (size) => `/api/pictures/${path(row.id)}/files/${size}`),
    originalUrl: `/api/pictures/${path(row.id)}/original`,
    uploadedAt: row.uploaded_at,
    updatedAt: row.updated_at,
  };
}

/** A picture for the public: its texts and page sizes, served from the public routes. */
export function presentPublicPicture(row: PictureRow): PublicPictureView {
  return {
    id: row.id,
    caption: JSON.parse(row.caption) as Localised,
    alt: JSON.parse(row.alt) as Localised,
    credit: row.credit,
    files: files(row, (size) => `/api/public/pictures/${path(row.id)}/${size}`),
  };
}
