import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { LOGO_MAX_BYTES } from "@conventio/domain";
import sharp from "sharp";
import { detectFileType } from "#modules/documents/file-types.js";
import { MAX_INPUT_PIXELS, PICTURE_TYPES } from "#modules/pictures/picture-files.js";
import { AppError } from "#shared/app-error.js";

/** A logo as received and checked: its type, the extension it is kept under, its size and hash. */
export interface CheckedLogo {
  mediaType: string;
  ext: string;
  size: number;
  sha256: string;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

/**
 * Writes an uploaded logo to `temp` and checks it: at most LOGO_MAX_BYTES, a PNG, JPEG or WebP by
 * its content whatever its name says (an SVG, which can carry scripts, is never one), and a
 * picture whose header can be read and declares a sane number of pixels.
 */
export async function receiveLogo(stream: Readable & { truncated?: boolean }, temp: string): Promise<CheckedLogo> {
  await pipeline(stream, createWriteStream(temp, { flags: "wx" }));
  if (stream.truncated) {
    throw AppError.field("payload_too_large", "file", "A logo is limited to {{n}} MB.", {
      n: Math.round(LOGO_MAX_BYTES / 1_048_576),
    });
  }
  const size = statSync(temp).size;
  if (size === 0) throw AppError.field("validation_failed", "file", "The file is empty.");
  const detected = await detectFileType(temp);
  const ext = detected ? PICTURE_TYPES[detected.mime] : undefined;
  if (!detected || !ext)
    throw AppError.field("validation_failed", "file", "Upload the logo as a PNG, JPEG or WebP picture.");
  const pixels = await sharp(temp, { limitInputPixels: MAX_INPUT_PIXELS })
    .metadata()
    .then((meta) => (meta.width ?? 0) * (meta.height ?? 0))
    .catch(() => 0);
  if (pixels === 0) throw AppError.field("validation_failed", "file", "This file could not be read as a picture.");
  if (pixels > MAX_INPUT_PIXELS) {
    throw AppError.field(
      "validation_failed",
      "file",
      "This picture has too many pixels; pictures are limited to 100 megapixels.",
    );
  }
  return { mediaType: detected.mime, ext, size, sha256: await sha256Of(temp) };
}
