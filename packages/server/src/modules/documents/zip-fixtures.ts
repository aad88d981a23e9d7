/**
 * Test support: zip files written byte by byte, so tests control what an archive declares and
 * what it holds (a genuine office document, or one crafted to exhaust whoever opens it).
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  data: Buffer;
  size: number;
  crc: number;
  /** General purpose flags; bit 0 marks an encrypted entry. */
  flags?: number;
}

/** An entry deflated from its content. */
export function deflatedPart(name: string, content: string | Buffer): ZipPart {
  const raw = Buffer.from(content);
  return { name, method: 8, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/** An entry stored as is, as OpenDocument requires for its `mimetype`. */
export function storedPart(name: string, content: string | Buffer): ZipPart {
  const raw = Buffer.from(content);
  return { name, method: 0, data: raw, size: raw.length, crc: crc32(raw) };
}

/**
 * An entry that inflates to `mebibytes` MiB of zeros from about a thousandth of that: one
 * mebibyte of zeros is deflated once without finishing the stream, repeated, and closed by an
 * empty final block, so building a 1 GiB bomb costs a millisecond and a megabyte.
 */
export function zerosPart(name: string, mebibytes: number): ZipPart {
  const mib = Buffer.alloc(1_048_576);
  const segment = deflateRawSync(mib, { finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(mib, crc);
  const data = Buffer.concat([...Array.from({ length: mebibytes }, () => segment), end]);
  return { name, method: 8, data, size: mebibytes * 1_048_576, crc };
}

/** The parts every word-processing document has, with the content type that names it. */
export function docxParts(body = "Signed in Lille."): ZipPart[] {
  return [
    deflatedPart(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        "</Types>",
    ),
    deflatedPart(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        "</Relationships>",
    ),
    deflatedPart(
      "word/document.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body><w:p><w:r><w:t>${body}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  ];
}

/** The zip file holding these parts: local headers and data, then the central directory. */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const flags = (p.flags ?? 0) | 0x0800; // names in UTF-8
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
