import { createHash } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Actor, DocumentView } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { requireRecordInScope } from "#modules/accounts/unit-scope.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import type { FileStore } from "#shared/file-store.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { documentPolicy } from "./document.policy.js";
import { type DocumentRow, presentDocument } from "./document.presenter.js";
import type { DocumentEntity, DocumentTable } from "./document.table.js";
import { ACCEPTED_TYPES, detectFileType, extensionOf, uploadFileName } from "./file-types.js";

export interface UploadMeta {
  kind: DocumentTable["kind"];
  title: string | null;
  replacesId: string | null;
}

export interface DocumentSettings {
  /** Where the files are kept. */
  files: FileStore;
  /** DATA_DIR: an upload is received in its incoming folder before it is checked. */
  dataDir: string;
  maxBytes: number;
}

/** A document's key in the file store: files/<first two characters>/<stored name>. */
export const documentFileKey = (stored: string) => `files/${stored.slice(0, 2)}/${stored}`;

/**
 * Stores uploaded files under generated names. A file is first written to a temporary name,
 * checked (size, content type against its name), recorded in the database, and only then
 * stored, in the same transaction; any failure removes it, so nothing half-written remains.
 */
export function createDocumentService(deps: Deps, settings: DocumentSettings) {
  const { db } = deps;
  const { files } = settings;
  const incoming = join(settings.dataDir, "incoming");

  async function requireEntity(trx: Kysely<DB>, entity: DocumentEntity, entityId: string) {
    const found = await trx.selectFrom(entity).select("id").where("id", "=", entityId).executeTakeFirst();
    if (!found) throw AppError.notFound(entity === "agreement" ? "This agreement" : "This activity");
  }

  return {
    maxBytes: settings.maxBytes,

    /**
     * Deletes the document rows of a record inside the caller's transaction and returns what
     * removes their files, to be called once that transaction has committed.
     */
    async detach(trx: Kysely<DB>, entity: DocumentEntity, entityId: string): Promise<() => void> {
      const rows = await trx
        .deleteFrom("document")
        .where("entity", "=", entity)
        .where("entity_id", "=", entityId)
        .returning("stored_name")
        .execute();
      return files.removeWith(
        trx,
        rows.map((r) => documentFileKey(r.stored_name)),
      );
    },

    async listDocuments(actor: Actor, entity: DocumentEntity, entityId: string): Promise<DocumentView[]> {
      documentPolicy.read(actor);
      await requireRecordInScope(db, actor, entity, entityId);
      const rows = await db
        .selectFrom("document")
        .selectAll()
        .where("entity", "=", entity)
        .where("entity_id", "=", entityId)
        .orderBy("uploaded_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(presentDocument);
    },

    /** Checks the permission and the record before the body is read. */
    async prepareUpload(actor: Actor, entity: DocumentEntity, entityId: string): Promise<void> {
      documentPolicy.upload(actor);
      await requireEntity(db, entity, entityId);
      await requireRecordInScope(db, actor, entity, entityId);
    },

    async storeUpload(
      actor: Actor,
      entity: DocumentEntity,
      entityId: string,
      rawName: string,
      stream: Readable & { truncated?: boolean },
      meta: UploadMeta,
    ): Promise<DocumentView> {
      documentPolicy.upload(actor);
      const name = uploadFileName(
        rawName,
        stream,
        "This file name is not allowed; use a plain name such as convention-2019.pdf.",
      );
      mkdirSync(incoming, { recursive: true });
      const temp = join(incoming, `${newId()}.part`);
      const hash = createHash("sha256");
      try {
        await pipeline(
          stream,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              hash.update(chunk);
              yield chunk;
            }
          },
          createWriteStream(temp, { flags: "wx" }),
        );
        if (stream.truncated) {
          throw AppError.field("payload_too_large", "file", "Files are limited to {{n}} MB.", {
            n: Math.round(settings.maxBytes / 1_048_576),
          });
        }
        const size = statSync(temp).size;
        if (size === 0) throw AppError.field("validation_failed", "file", "The file is empty.");
        const detected = await detectFileType(temp);
        const extensions = detected ? ACCEPTED_TYPES[detected.mime] : undefined;
        if (!detected || !extensions) {
          throw AppError.field("unsupported_media_type", "file", "Upload a PDF, an office document or an image.");
        }
        if (!extensions.includes(extensionOf(name))) {
          throw AppError.field(
            "unsupported_media_type",
            "file",
            "The content is {{type}}, which does not match the name {{name}}.",
            { type: detected.mime, name },
          );
        }
        const stored = `${newId()}.${extensions[0]}`;
        const now = nowIso(deps);
        const row = await db.transaction().execute(async (trx) => {
          await requireEntity(trx, entity, entityId);
          await requireRecordInScope(trx, actor, entity, entityId);
          let version = 1;
          if (meta.replacesId) {
            const previous = await trx
              .selectFrom("document")
              .select(["version", "entity", "entity_id"])
              .where("id", "=", meta.replacesId)
              .executeTakeFirst();
            if (!previous || previous.entity !== entity || previous.entity_id !== entityId)
              throw AppError.field("validation_failed", "replaces", "No document of this record has this id.");
            version = previous.version + 1;
          }
          const r: DocumentRow = {
            id: newId(),
            entity,
            entity_id: entityId,
            kind: meta.kind,
            title: meta.title || name,
            original_name: name,
            stored_name: stored,
            media_type: detected.mime,
            size,
            sha256: hash.digest("hex"),
            version,
            replaces_id: meta.replacesId,
            uploaded_by: actorId(actor),
            uploaded_at: now,
          };
          await trx.insertInto("document").values(r).execute();
          await recordAudit(trx, now, {
            actor,
            action: "document.upload",
            entity,
            entityId,
            changes: { document: r.id, file: name, version, size },
          });
          await files.put(documentFileKey(stored), { path: temp }, trx);
          return r;
        });
        return presentDocument(row);
      } finally {
        rmSync(temp, { force: true });
      }
    },

    async openDocument(
      actor: Actor,
      entity: DocumentEntity,
      entityId: string,
      id: string,
    ): Promise<{ row: DocumentRow; stream: Readable }> {
      documentPolicy.read(actor);
      const row = await db
        .selectFrom("document")
        .selectAll()
        .where("id", "=", id)
        .where("entity", "=", entity)
        .where("entity_id", "=", entityId)
        .executeTakeFirst();
      if (!row) throw AppError.notFound("This document");
      await requireRecordInScope(db, actor, entity, entityId);
      const file = await files.get(documentFileKey(row.stored_name));
      if (!file) throw AppError.notFound("This document");
      return { row, stream: file.stream };
    },
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;

/** What a record's own service needs to take its files with it when it is deleted. */
export type DocumentDetacher = DocumentService["detach"];
