import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hashIia, hashIiasGetResponse, sha256Hex } from "./iia-hash.js";
import { childrenNamed, descendantElements, localNameOf, parseXml, stringValue } from "./xml-dom.js";

const EWP = join(import.meta.dirname, "../../../../../../shared/ewp");
const read = (file: string) => readFileSync(join(EWP, file), "utf8");

interface Vector {
  file: string;
  xslt: string;
  note: string;
  schema_valid: boolean | null;
  "iia-id": string;
  "text-to-hash": string;
  "iia-hash": string;
  "valid-for-approval": boolean;
}
const { vectors } = JSON.parse(read("hash-vectors/vectors.json")) as { vectors: Vector[] };
const rulesOf = (v: Vector) => (v.xslt === "transform_version_6.xsl" ? "v6" : "v7");

function declaredHashes(file: string): string[] {
  return descendantElements(parseXml(read(file)))
    .filter((el) => localNameOf(el) === "iia")
    .map((iia) => stringValue(childrenNamed(iia, "iia-hash")[0] ?? iia));
}

describe("iia-hash against the official XSLT's output", () => {
  it("has the fourteen vectors to check", () => {
    expect(vectors).toHaveLength(14);
  });

  it.each(vectors.map((v) => [`${v.file} (${v["iia-id"].slice(0, 4)}…)`, v] as const))(
    "reproduces %s read as the official XSLT reads the whole document",
    (_, v) => {
      const results = hashIiasGetResponse(read(v.file), { rules: rulesOf(v), scope: "document" });
      const result = results.find((r) => r.iiaId === v["iia-id"]);
      expect(result?.textToHash).toBe(v["text-to-hash"]);
      expect(result?.iiaHash).toBe(v["iia-hash"]);
      expect(result?.validForApproval).toBe(v["valid-for-approval"]);
    },
  );

  it("hashes the text as SHA-256 in lowercase hex", () => {
    for (const v of vectors) expect(sha256Hex(v["text-to-hash"])).toBe(v["iia-hash"]);
  });

  it("gives the hash the official examples publish in their own iia-hash element", () => {
    const example = "ewp-specs-api-iias/endpoints/get-response-example.xml";
    const kit = "ewp-specs-api-iias/resources/xsltKit/get-response-v7.xml";
    expect(declaredHashes(example)).toEqual(["e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4"]);
    expect(hashIiasGetResponse(read(example)).map((h) => h.iiaHash)).toEqual(declaredHashes(example));
    expect(declaredHashes(kit)).toEqual(["87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225033"]);
    expect(hashIiasGetResponse(read(kit)).map((h) => h.iiaHash)).toEqual(declaredHashes(kit));
  });

  it("computes the same hash for the v6 snapshot through the v6 rules: the migration path", () => {
    const [v6] = hashIiasGetResponse(read("ewp-specs-api-iias/resources/xsltKit/get-response-v6.xml"), { rules: "v6" });
    const [v7] = hashIiasGetResponse(read("ewp-specs-api-iias/resources/xsltKit/get-response-v7.xml"));
    expect(v6?.textToHash).toBe(v7?.textToHash);
    expect(v6?.iiaHash).toBe("87b33170d7a6c6d894215641f39e7b7de36501265479e5ab3922f32d5b225033");
    expect(v7?.validForApproval).toBe(false);
  });
});

describe("iia-hash of each agreement on its own", () => {
  const twoIias = read("hash-vectors/v7-twoiia.xml");
  const byId = (id: string) => vectors.find((v) => v.file === "hash-vectors/v7-twoiia.xml" && v["iia-id"] === id);

  it("keeps a terminated agreement from changing its neighbour's hash", () => {
    const [first, second] = hashIiasGetResponse(twoIias);
    expect(first?.textToHash.startsWith("_@terminated-as-a-whole@_")).toBe(false);
    expect(first?.iiaHash).toBe("e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4");
    expect(second?.iiaHash).toBe(byId("aaaa5682-faf7-49a7-9cc7-ec486c49a281")?.["iia-hash"]);
  });

  it("hashes a single iia element as the get-response would", () => {
    const iias = descendantElements(parseXml(twoIias)).filter((el) => localNameOf(el) === "iia");
    expect(iias.map((iia) => hashIia(iia).iiaHash)).toEqual(hashIiasGetResponse(twoIias).map((h) => h.iiaHash));
  });

  it("judges approvability per agreement", () => {
    const kit = read("ewp-specs-api-iias/resources/xsltKit/get-response-v7.xml");
    const example = read("ewp-specs-api-iias/endpoints/get-response-example.xml");
    const joined = kit.replace(
      "</iias-get-response>",
      `${example.slice(example.indexOf("<iia>"), example.lastIndexOf("</iia>") + 6)}</iias-get-response>`,
    );
    expect(hashIiasGetResponse(joined).map((h) => h.validForApproval)).toEqual([false, true]);
    expect(hashIiasGetResponse(joined, { scope: "document" }).map((h) => h.validForApproval)).toEqual([false, false]);
  });
});

describe("iia-hash rules on small documents", () => {
  const doc = (spec: string, extra = "") =>
    `<iias-get-response xmlns="urn:any"><iia><partner><hei-id>a.edu</hei-id><iia-id>A1</iia-id></partner>` +
    `<partner><hei-id>b.edu</hei-id></partner><in-effect>true</in-effect>` +
    `<cooperation-conditions${extra}>${spec}</cooperation-conditions><iia-hash/></iia></iias-get-response>`;
  const spec = (inner: string) =>
    `<staff-training-mobility-spec><sending-hei-id>a.edu</sending-hei-id><receiving-hei-id>b.edu</receiving-hei-id>` +
    `<receiving-first-academic-year-id>2024/2025</receiving-first-academic-year-id>` +
    `<receiving-last-academic-year-id>2025/2026</receiving-last-academic-year-id>${inner}</staff-training-mobility-spec>`;
  const text = (xml: string) => hashIiasGetResponse(xml)[0]?.textToHash;
  const head =
    "_iia-id_1=A1__iia-id_2=__cooperation-conditions.staff-training-mobility-spec.sending-hei-id=a.edu_" +
    "_cooperation-conditions.staff-training-mobility-spec.receiving-hei-id=b.edu_";
  const years = "_receiving-first-academic-year-id=2024/2025__receiving-last-academic-year-id=2025/2026_";

  it("reads names by local name, whatever the namespace prefix", () => {
    const prefixed = doc(spec(""))
      .replace(/<(\/?)([a-z-]+)/g, "<$1i:$2")
      .replace('xmlns="urn:any"', 'xmlns:i="urn:x"');
    expect(text(prefixed)).toBe(head + years);
  });

  it("writes any other attribute with its element's three names, and skips not-yet-defined ones", () => {
    const withAttr = spec('<mobilities-per-year note="x">3</mobilities-per-year>');
    expect(text(doc(withAttr))).toBe(
      `${head}_@cooperation-conditions.staff-training-mobility-spec.mobilities-per-year.note=x@_` +
        `_cooperation-conditions.staff-training-mobility-spec.mobilities-per-year=3_${years}`,
    );
    const nyd = spec('<mobilities-per-year not-yet-defined="1">3</mobilities-per-year>');
    expect(text(doc(nyd))).toBe(head + years);
    expect(hashIiasGetResponse(doc(nyd))[0]?.validForApproval).toBe(false);
    const notFlagged = spec('<mobilities-per-year not-yet-defined="false">3</mobilities-per-year>');
    expect(text(doc(notFlagged))).toBe(
      `${head}_cooperation-conditions.staff-training-mobility-spec.mobilities-per-year=3_${years}`,
    );
  });

  it("counts terminated-as-a-whole only when it is true or 1", () => {
    expect(text(doc(spec(""), ' terminated-as-a-whole="1"'))).toBe(`_@terminated-as-a-whole@_${head}${years}`);
    expect(text(doc(spec(""), ' terminated-as-a-whole="false"'))).toBe(head + years);
  });

  it("keeps CDATA and character references, and leaves comments out", () => {
    const inner = "<other-info-terms>a<!-- no -->&#x2028;<![CDATA[<b>]]>\r\nc</other-info-terms>";
    expect(text(doc(spec(inner)))).toBe(
      `${head}_cooperation-conditions.staff-training-mobility-spec.other-info-terms=a\u2028<b>\nc_${years}`,
    );
  });

  it("writes an empty year when the element is missing", () => {
    const bare = `<staff-training-mobility-spec><sending-hei-id>a.edu</sending-hei-id></staff-training-mobility-spec>`;
    expect(text(doc(bare))).toBe(
      "_iia-id_1=A1__iia-id_2=__cooperation-conditions.staff-training-mobility-spec.sending-hei-id=a.edu_" +
        "_receiving-first-academic-year-id=__receiving-last-academic-year-id=_",
    );
  });

  it("refuses a document with a DOCTYPE", () => {
    expect(() => hashIiasGetResponse(`<!DOCTYPE x [<!ENTITY e "v">]>${doc(spec(""))}`)).toThrow(/DOCTYPE/);
  });
});
