import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";

/**
 * RSA keys as EWP publishes them: a Discovery manifest lists the public key as the base64 of its
 * DER SubjectPublicKeyInfo, and the Registry, the `keyId` parameter of HTTP signatures and the
 * catalogue identify it by the lowercase hex SHA-256 of those same DER bytes.
 */

export interface EwpKeyPair {
  /** SubjectPublicKeyInfo, PEM ("BEGIN PUBLIC KEY"). */
  publicKeyPem: string;
  /** PKCS#8, PEM ("BEGIN PRIVATE KEY"). Never published. */
  privateKeyPem: string;
}

/** Makes a fresh 2048-bit RSA key pair, the size the Registry accepts. */
export function generateEwpKeyPair(): EwpKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

function publicKeyDer(pem: string): Buffer {
  // A private key PEM is accepted too: its public half is derived.
  return createPublicKey(pem).export({ type: "spki", format: "der" });
}

/** The EWP key id: lowercase hex SHA-256 of the DER SubjectPublicKeyInfo. */
export function keyIdOf(publicKeyPem: string): string {
  return createHash("sha256").update(publicKeyDer(publicKeyPem)).digest("hex");
}

/** The key as a manifest carries it: the DER SubjectPublicKeyInfo in base64, without PEM armour. */
export function publicKeyBase64(publicKeyPem: string): string {
  return publicKeyDer(publicKeyPem).toString("base64");
}

/** True for what a `keyId` must look like: 64 lowercase hex digits. */
export function isEwpKeyId(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
