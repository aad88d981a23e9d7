import { createPublicKey } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { generateEwpKeyPair, keyIdOf, publicKeyBase64 } from "./http-signature-keys.js";

/** One of the installation's RSA key pairs, with its EWP key id. */
export interface EwpNodeKey {
  keyId: string;
  publicKeyPem: string;
  privateKeyPem: string;
  /** The public key as the manifest publishes it (base64 DER). */
  publicKeyBase64: string;
}

export interface EwpNodeKeys {
  /** Signs the requests the installation sends. */
  client: EwpNodeKey;
  /** Signs the responses it serves. */
  server: EwpNodeKey;
}

async function keyFor(db: Kysely<DB>, purpose: "client" | "server", now: string): Promise<EwpNodeKey> {
  let row = await db.selectFrom("ewp_key").selectAll().where("purpose", "=", purpose).executeTakeFirst();
  if (!row) {
    const pair = generateEwpKeyPair();
    // Two processes starting together may both make one: the first stored wins, both then read it.
    await db
      .insertInto("ewp_key")
      .values({
        purpose,
        key_id: keyIdOf(pair.publicKeyPem),
        public_key: pair.publicKeyPem,
        private_key: pair.privateKeyPem,
        created_at: now,
      })
      .onConflict((oc) => oc.column("purpose").doNothing())
      .execute();
    row = await db.selectFrom("ewp_key").selectAll().where("purpose", "=", purpose).executeTakeFirstOrThrow();
  }
  return {
    keyId: row.key_id,
    publicKeyPem: row.public_key,
    privateKeyPem: row.private_key,
    publicKeyBase64: publicKeyBase64(row.public_key),
  };
}

/** The installation's keys, made on first use and kept in the database so every process shares them. */
export function nodeKeyStore(db: Kysely<DB>, now: () => string) {
  let keys: Promise<EwpNodeKeys> | null = null;
  return {
    get(): Promise<EwpNodeKeys> {
      keys ??= (async () => ({
        client: await keyFor(db, "client", now()),
        server: await keyFor(db, "server", now()),
      }))();
      keys.catch(() => {
        keys = null;
      });
      return keys;
    },
  };
}
export type EwpNodeKeyStore = ReturnType<typeof nodeKeyStore>;

const pemCache = new Map<string, string>();

/** The PEM of a public key a catalogue holds as base64 DER. */
export function pemOfBase64Key(base64Der: string): string {
  let pem = pemCache.get(base64Der);
  if (!pem) {
    pem = createPublicKey({ key: Buffer.from(base64Der, "base64"), format: "der", type: "spki" })
      .export({ type: "spki", format: "pem" })
      .toString();
    pemCache.set(base64Der, pem);
  }
  return pem;
}
