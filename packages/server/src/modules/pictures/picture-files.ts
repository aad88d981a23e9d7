import { PICTURE_SIZES, type PictureSize } from "@conventio/domain";
import sharp from "sharp";
import { AppError } from "#shared/app-error.js";

/**
 * The largest picture decoded, in pixels: above the 48–50 MP of today's phone and camera
 * sensors, far below what a crafted file can declare (a 30000×30000 PNG of a few hundred
 * bytes would ask for 900 MP, gigabytes of memory once decoded).
 */
export const MAX_INPUT_PIXELS = 100_000_000; // said as "100 megapixels" in the refusal below

/** The accepted types, by the media type detected from the content, with the extension the original is kept under. */
export const PICTURE_TYPES: Readonly<Record<string, string>> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

export const GENERATED_MEDIA_TYPE = "image/webp";

export interface RenderedSizes {
  width: number;
  height: number;
  thumb: { width: number; height: number };
  display: { width: number; height: number };
}

/**
 * Where a picture's files are kept in the file store: pictures/<two characters of the key>/<key>…,
 * the original under its own extension and each generated size as WebP. The logo is kept the same
 * way, without sizes.
 */
export const pictureKeys = {
  original: (key: string, ext: string) => `pictures/${key.slice(0, 2)}/${key}.${ext}`,
  sized: (key: string, size: PictureSize) => `pictures/${key.slice(0, 2)}/${key}-${PICTURE_SIZES[size]}.webp`,
  /** The original and every size. */
  all: (key: string, ext: string) => [
    pictureKeys.original(key, ext),
    ...(["thumb", "display"] as const).map((size) => pictureKeys.sized(key, size)),
  ],
};

function refusal(err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) {
    return AppError.field(
      "validation_failed",
      "file",
      "This picture has too many pixels; pictures are limited to 100 megapixels.",
    );
  }
  return AppError.field("validation_failed", "file", "This file could not be read as a picture.");
}

/**
 * Makes the page sizes of a picture in WebP: turned upright by its EXIF orientation, never
 * enlarged, and without any metadata (sharp writes none unless told), so a phone's GPS
 * position never reaches a page. The header is read first, so a picture declaring more pixels
 * than allowed is refused before anything is decoded.
 */
export async function renderSizes(source: string): Promise<RenderedSizes & { files: Record<PictureSize, Buffer> }> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS };
  try {
    const meta = await sharp(source, options).metadata();
    const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };
    const base = sharp(source, options).rotate();
    const [thumb, display] = await Promise.all(
      (["thumb", "display"] as const).map((size) =>
        base
          .clone()
          .resize({ width: PICTURE_SIZES[size], height: PICTURE_SIZES[size], fit: "inside", withoutEnlargement: true })
          .webp({ quality: size === "thumb" ? 75 : 82 })
          .toBuffer({ resolveWithObject: true }),
      ),
    );
    if (!thumb || !display) throw new Error("A size was not written.");
    return {
      width: upright.width,
      height: upright.height,
      thumb: { width: thumb.info.width, height: thumb.info.height },
      display: { width: display.info.width, height: display.info.height },
      files: { thumb: thumb.data, display: display.data },
    };
  } catch (err) {
    throw refusal(err);
  }
}
