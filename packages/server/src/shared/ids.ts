import { createHash, randomBytes, randomFillSync } from "node:crypto";

let lastMs = 0;
let sequence = 0;

// Random bytes drawn a block at a time: bulk writes make ids by the hundred thousand.
const pool = Buffer.alloc(16 * 1024);
let poolAt = pool.length;

function random16(): Buffer {
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const out = Buffer.from(pool.subarray(poolAt, poolAt + 16));
  poolAt += 16;
  return out;
}

/**
 * A new row identifier: a UUID version 7 (RFC 9562), time-ordered and, within this process,
 * strictly increasing, so rows written in the same millisecond still sort in write order.
 */
export function newId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = random16().readUInt16BE(0) & 0x07ff;
  } else if (++sequence > 0x0fff) {
    lastMs++;
    sequence = 0;
  }
  const bytes = random16();
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A secret token for cookies and one-time links (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored hashed, so a leaked database does not leak sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
