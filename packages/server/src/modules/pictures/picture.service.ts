import { createWriteStream, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type {
  Actor,
  PictureOwnerKind,
  PictureSize,
  PictureView,
  PublicPictureView,
  UpdatePictureInput,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { requireRecordInScope } from "#modules/accounts/unit-scope.js";
import { diffOf, recordAudit } from "#modules/audit/audit.service.js";
import { detectFileType, uploadFileName } from "#modules/documents/file-types.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import type { FileStore } from "#shared/file-store.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { picturePolicy } from "./picture.policy.js";
import { hasAlt, presentPicture, presentPublicPicture } from "./picture.presenter.js";
import * as repo from "./picture.repository.js";
import { GENERATED_MEDIA_TYPE, PICTURE_TYPES, pictureKeys, renderSizes } from "./picture-files.js";

export interface PictureSettings {
  /** Where the originals and their sizes are kept. */
  files: FileStore;
  /** DATA_DIR: an upload is received in its incoming folder before it is checked. */
  dataDir: string;
  maxBytes: number;
}

/** What a file route sends: the stream, its type and length. */
export interface PictureFile {
  stream: Readable;
  mediaType: string;
  size: number;
  fileName: string;
}

/** How each kind of record is named when it is not found, as its own module names it. */
const OWNER_NAMES: Record<PictureOwnerKind, string> = {
  agreement: "This agreement",
  event: "This event",
  news: "This post",
  activity: "This activity",
};

/**
 * Pictures of records. An upload is streamed to a temporary file, its type detected from the
 * content, its page sizes generated with sharp, and only then are the row written and the
 * original and its sizes stored; any failure removes every file written for it.
 */
export function createPictureService(deps: Deps, settings: PictureSettings) {
  const { db } = deps;
  const { files } = settings;
  const incoming = join(settings.dataDir, "incoming");

  async function requireOwner(trx: Kysely<DB>, kind: PictureOwnerKind, ownerId: string): Promise<void> {
    if (!(await repo.ownerExists(trx, kind, ownerId))) throw AppError.notFound(OWNER_NAMES[kind]);
  }

  async function requirePicture(trx: Kysely<DB>, id: string): Promise<repo.PictureRow> {
    const row = await repo.findPicture(trx, id);
    if (!row) throw AppError.notFound("This picture");
    return row;
  }

  async function present(trx: Kysely<DB>, row: repo.PictureRow): Promise<PictureView> {
    const ownerPublic = await repo.ownerIsPublic(trx, row.owner_kind, row.owner_id);
    return presentPicture(row, shownToPublic(row, ownerPublic));
  }

  function shownToPublic(row: repo.PictureRow, ownerPublic: boolean): boolean {
    return picturePolicy.shownToPublic({ isPublic: row.is_public === 1, hasAlt: hasAlt(row) }, ownerPublic);
  }

  /** A stored file of the picture; one that is gone is not found, like the picture. */
  async function storedFile(key: string): Promise<{ stream: Readable; size: number }> {
    const found = await files.get(key);
    if (!found) throw AppError.notFound("This picture");
    return found;
  }

  async function sizedFile(row: repo.PictureRow, size: PictureSize): Promise<PictureFile> {
    const file = await storedFile(pictureKeys.sized(row.file_key, size));
    return { ...file, mediaType: GENERATED_MEDIA_TYPE, fileName: `${row.id}-${size}.webp` };
  }

  /** Writes the upload to a temporary file, refusing it once it passes the size limit. */
  async function receive(stream: Readable & { truncated?: boolean }, temp: string): Promise<number> {
    await pipeline(stream, createWriteStream(temp, { flags: "wx" }));
    if (stream.truncated) {
      throw AppError.field("payload_too_large", "file", "Files are limited to {{n}} MB.", {
        n: Math.round(settings.maxBytes / 1_048_576),
      });
    }
    const size = statSync(temp).size;
    if (size === 0) throw AppError.field("validation_failed", "file", "The file is empty.");
    return size;
  }

  async function listPictures(actor: Actor, kind: PictureOwnerKind, ownerId: string): Promise<PictureView[]> {
    picturePolicy.read(actor);
    await requireOwner(db, kind, ownerId);
    await requireRecordInScope(db, actor, kind, ownerId);
    const [rows, ownerPublic] = await Promise.all([
      repo.picturesOf(db, kind, ownerId),
      repo.ownerIsPublic(db, kind, ownerId),
    ]);
    return rows.map((r) => presentPicture(r, shownToPublic(r, ownerPublic)));
  }

  return {
    maxBytes: settings.maxBytes,

    listPictures,

    /** Checks the permission and the record before the body is read. */
    async prepareUpload(actor: Actor, kind: PictureOwnerKind, ownerId: string): Promise<void> {
      picturePolicy.write(actor);
      await requireOwner(db, kind, ownerId);
      await requireRecordInScope(db, actor, kind, ownerId);
    },

    async storePicture(
      actor: Actor,
      kind: PictureOwnerKind,
      ownerId: string,
      rawName: string,
      stream: Readable & { truncated?: boolean },
    ): Promise<PictureView> {
      picturePolicy.write(actor);
      const name = uploadFileName(
        rawName,
        stream,
        "This file name is not allowed; use a plain name such as signing-ceremony.jpg.",
      );
      mkdirSync(incoming, { recursive: true });
      const temp = join(incoming, `${newId()}.part`);
      const key = newId();
      let ext: string | undefined;
      let stored = false;
      try {
        const size = await receive(stream, temp);
        const detected = await detectFileType(temp);
        ext = detected ? PICTURE_TYPES[detected.mime] : undefined;
        if (!detected || !ext) {
          throw AppError.field("unsupported_media_type", "file", "Upload a JPEG, PNG or WebP picture.");
        }
        const sizes = await renderSizes(temp);
        const now = nowIso(deps);
        const originalExt = ext;
        const row = await db.transaction().execute(async (trx) => {
          await requireOwner(trx, kind, ownerId);
          await requireRecordInScope(trx, actor, kind, ownerId);
          const r: repo.PictureRow = {
            id: newId(),
            owner_kind: kind,
            owner_id: ownerId,
            file_key: key,
            original_name: name,
            media_type: detected.mime,
            original_ext: originalExt,
            size,
            width: sizes.width,
            height: sizes.height,
            thumb_width: sizes.thumb.width,
            thumb_height: sizes.thumb.height,
            display_width: sizes.display.width,
            display_height: sizes.display.height,
            caption: "[]",
            alt: "[]",
            credit: null,
            is_public: 0,
            position: await repo.nextPosition(trx, kind, ownerId),
            uploaded_by: actorId(actor),
            uploaded_at: now,
            updated_at: now,
          };
          await repo.insertPicture(trx, r);
          await recordAudit(trx, now, {
            actor,
            action: "picture.upload",
            entity: kind,
            entityId: ownerId,
            changes: { picture: r.id, file: name, size },
          });
          // Stored last, in the transaction: the database store writes them with the row.
          await files.put(pictureKeys.sized(key, "thumb"), sizes.files.thumb, trx);
          await files.put(pictureKeys.sized(key, "display"), sizes.files.display, trx);
          await files.put(pictureKeys.original(key, originalExt), { path: temp }, trx);
          return r;
        });
        stored = true;
        return await present(db, row);
      } finally {
        rmSync(temp, { force: true });
        if (!stored && ext) await files.delete(pictureKeys.all(key, ext));
      }
    },

    async updatePicture(actor: Actor, id: string, patch: UpdatePictureInput): Promise<PictureView> {
      picturePolicy.write(actor);
      const row = await db.transaction().execute(async (trx) => {
        const before = await requirePicture(trx, id);
        await requireRecordInScope(trx, actor, before.owner_kind, before.owner_id);
        const after = {
          caption: patch.caption ? JSON.stringify(patch.caption) : before.caption,
          alt: patch.alt ? JSON.stringify(patch.alt) : before.alt,
          credit: patch.credit === undefined ? before.credit : patch.credit || null,
          is_public: patch.public === undefined ? before.is_public : patch.public ? 1 : 0,
        };
        if (after.is_public === 1 && !hasAlt(after)) {
          throw AppError.field(
            "validation_failed",
            "alt",
            "Describe the picture in a text alternative before making it public.",
          );
        }
        const now = nowIso(deps);
        await repo.updatePicture(trx, id, { ...after, updated_at: now });
        const snapshot = (r: typeof after) => ({
          caption: JSON.parse(r.caption),
          alt: JSON.parse(r.alt),
          credit: r.credit,
          public: r.is_public === 1,
        });
        await recordAudit(trx, now, {
          actor,
          action: "picture.update",
          entity: before.owner_kind,
          entityId: before.owner_id,
          changes: { picture: id, ...diffOf(snapshot(before), snapshot(after)) },
        });
        return { ...before, ...after, updated_at: now };
      });
      return present(db, row);
    },

    /** Puts a record's pictures in the order given, which must name each of them once. */
    async reorderPictures(
      actor: Actor,
      kind: PictureOwnerKind,
      ownerId: string,
      ids: string[],
    ): Promise<PictureView[]> {
      picturePolicy.write(actor);
      await db.transaction().execute(async (trx) => {
        await requireOwner(trx, kind, ownerId);
        await requireRecordInScope(trx, actor, kind, ownerId);
        const current = await repo.picturesOf(trx, kind, ownerId);
        const known = new Set(current.map((r) => r.id));
        if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((x) => !known.has(x))) {
          throw AppError.field("validation_failed", "ids", "Name each picture of this record once.");
        }
        const now = nowIso(deps);
        for (const [position, id] of ids.entries()) await repo.updatePicture(trx, id, { position });
        await recordAudit(trx, now, {
          actor,
          action: "picture.reorder",
          entity: kind,
          entityId: ownerId,
          changes: { order: [current.map((r) => r.id), ids] },
        });
      });
      return listPictures(actor, kind, ownerId);
    },

    async deletePicture(actor: Actor, id: string): Promise<void> {
      picturePolicy.write(actor);
      const removeFiles = await db.transaction().execute(async (trx) => {
        const r = await requirePicture(trx, id);
        await requireRecordInScope(trx, actor, r.owner_kind, r.owner_id);
        await repo.deletePicture(trx, id);
        await recordAudit(trx, nowIso(deps), {
          actor,
          action: "picture.delete",
          entity: r.owner_kind,
          entityId: r.owner_id,
          changes: { picture: id, file: r.original_name },
        });
        return files.removeWith(trx, pictureKeys.all(r.file_key, r.original_ext));
      });
      removeFiles();
    },

    /** A generated size, for staff, whatever the picture's visibility. */
    async openFile(actor: Actor, id: string, size: PictureSize): Promise<PictureFile> {
      picturePolicy.read(actor);
      return sizedFile(await requirePicture(db, id), size);
    },

    /** The file as uploaded, metadata included: for staff only, never for a page. */
    async openOriginal(actor: Actor, id: string): Promise<PictureFile> {
      picturePolicy.read(actor);
      const row = await requirePicture(db, id);
      const file = await storedFile(pictureKeys.original(row.file_key, row.original_ext));
      return { ...file, mediaType: row.media_type, fileName: row.original_name };
    },

    /** The pictures of a record the public sees; a record it does not see is not found. */
    async publicPictures(kind: PictureOwnerKind, ownerId: string): Promise<PublicPictureView[]> {
      if (!(await repo.ownerIsPublic(db, kind, ownerId))) throw AppError.notFound(OWNER_NAMES[kind]);
      return (await repo.publishedPicturesOf(db, kind, ownerId)).map(presentPublicPicture);
    },

    /** A generated size of a picture the public sees; any other is not found, whether it exists or not. */
    async openPublicFile(id: string, size: PictureSize): Promise<PictureFile> {
      const row = await repo.findPicture(db, id);
      const visible = row && shownToPublic(row, await repo.ownerIsPublic(db, row.owner_kind, row.owner_id));
      if (!row || !visible) throw AppError.notFound("This picture");
      return sizedFile(row, size);
    },

    /** Removes every picture of a record that was just deleted, rows and files. */
    async removeOwnerPictures(kind: PictureOwnerKind, ownerId: string): Promise<void> {
      const removed = await repo.deletePicturesOf(db, kind, ownerId);
      await files.delete(removed.flatMap((r) => pictureKeys.all(r.file_key, r.original_ext)));
    },
  };
}
export type PictureService = ReturnType<typeof createPictureService>;

type DeleteMethod = (actor: Actor, id: string) => Promise<void>;

/**
 * A record service whose delete also removes the record's pictures once the record is gone,
 * so the record's own module needs to know nothing of pictures.
 */
export function withPicturesRemoved<S extends { [M in K]: DeleteMethod }, K extends keyof S>(
  service: S,
  method: K,
  kind: PictureOwnerKind,
  pictures: Pick<PictureService, "removeOwnerPictures">,
): S {
  const remove: DeleteMethod = service[method];
  const wrapped: DeleteMethod = async (actor, id) => {
    await remove(actor, id);
    await pictures.removeOwnerPictures(kind, id);
  };
  return { ...service, [method]: wrapped };
}
