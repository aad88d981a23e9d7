import { createHash, createPublicKey, type JsonWebKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateEwpKeyPair, isEwpKeyId, keyIdOf, publicKeyBase64 } from "./http-signature-keys.js";

/** DER length octets. */
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const der = (tag: number, content: Buffer) => Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
/** A positive INTEGER: a leading zero octet when the high bit is set. */
const derInteger = (magnitude: Buffer) =>
  der(
    0x02,
    magnitude[0] !== undefined && magnitude[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), magnitude]) : magnitude,
  );

/** SubjectPublicKeyInfo for an RSA key, written by hand from the JWK's modulus and exponent. */
function spkiFromJwk(jwk: JsonWebKey): Buffer {
  const n = Buffer.from(String(jwk.n), "base64url");
  const e = Buffer.from(String(jwk.e), "base64url");
  const rsaPublicKey = der(0x30, Buffer.concat([derInteger(n), derInteger(e)]));
  const rsaEncryption = Buffer.from("06092a864886f70d0101010500", "hex"); // OID 1.2.840.113549.1.1.1, NULL
  const algorithm = der(0x30, rsaEncryption);
  const bitString = der(0x03, Buffer.concat([Buffer.from([0]), rsaPublicKey]));
  return der(0x30, Buffer.concat([algorithm, bitString]));
}

const pair = generateEwpKeyPair();

describe("EWP keys", () => {
  it("makes a 2048-bit RSA key pair in PEM", () => {
    expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const key = createPublicKey(pair.publicKeyPem);
    expect(key.asymmetricKeyType).toBe("rsa");
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("names a key by the SHA-256 of its DER SubjectPublicKeyInfo, built here by hand from the JWK", () => {
    const jwk = createPublicKey(pair.publicKeyPem).export({ format: "jwk" });
    const expected = createHash("sha256").update(spkiFromJwk(jwk)).digest("hex");
    expect(keyIdOf(pair.publicKeyPem)).toBe(expected);
    expect(isEwpKeyId(expected)).toBe(true);
  });

  it("gives the same key id as hashing the PEM's decoded body, as openssl does", () => {
    const body = pair.publicKeyPem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
    const expected = createHash("sha256").update(Buffer.from(body, "base64")).digest("hex");
    expect(keyIdOf(pair.publicKeyPem)).toBe(expected);
  });

  it("derives the same key id from the private key", () => {
    expect(keyIdOf(pair.privateKeyPem)).toBe(keyIdOf(pair.publicKeyPem));
  });

  it("gives different keys different ids", () => {
    expect(keyIdOf(generateEwpKeyPair().publicKeyPem)).not.toBe(keyIdOf(pair.publicKeyPem));
  });

  it("writes the manifest's key as the PEM body without armour or line breaks", () => {
    const body = pair.publicKeyPem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
    expect(publicKeyBase64(pair.publicKeyPem)).toBe(body);
    expect(publicKeyBase64(pair.publicKeyPem)).not.toMatch(/[\n-]/);
  });

  it("accepts only 64 lowercase hex digits as a key id", () => {
    expect(isEwpKeyId("A".repeat(64))).toBe(false);
    expect(isEwpKeyId("a".repeat(63))).toBe(false);
    expect(isEwpKeyId(publicKeyBase64(pair.publicKeyPem))).toBe(false);
  });
});
