import { type Iia, IiaApproval } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import { buildCarriedOverIia, buildIia, buildTerminatedIia } from "./ewp-samples.js";
import { readShared, validateWithXmllint } from "./ewp-xml-test-tools.js";
import { hashIiasGetResponse } from "./iia-hash.js";
import { readIiasApprovalResponse, readIiasGetResponse, readIiasIndexResponse } from "./iia-xml-reader.js";
import {
  hashIiaModel,
  specsInDocumentOrder,
  writeIiasApprovalResponse,
  writeIiasGetResponse,
  writeIiasIndexResponse,
} from "./iia-xml-writer.js";
import { validateEwpXml } from "./xsd-validation.js";

const GET_SCHEMA = "ewp-specs-api-iias/endpoints/get-response.xsd";
const inDocumentOrder = (iia: Iia): Iia => ({ ...iia, mobilitySpecs: specsInDocumentOrder(iia.mobilitySpecs) });

describe("writeIiasGetResponse", () => {
  const iias = [buildIia(), buildTerminatedIia(), buildCarriedOverIia()];
  const { xml, hashes } = writeIiasGetResponse(iias);

  it("writes agreements that the official schema accepts, by xmllint and by the server's validator", async () => {
    const native = validateWithXmllint(xml, GET_SCHEMA);
    expect(native.report).toContain("validates");
    expect(native.ok).toBe(true);
    expect(await validateEwpXml(xml, "iiasGet")).toEqual([]);
  });

  it("fills each iia-hash with the hash of exactly the XML written for it", () => {
    const recomputed = hashIiasGetResponse(xml);
    expect(recomputed.map((h) => h.iiaHash)).toEqual(hashes.map((h) => h.iiaHash));
    const declared = [...xml.matchAll(/<iia-hash>([0-9a-f]{64})<\/iia-hash>/g)].map((m) => m[1]);
    expect(declared).toEqual(hashes.map((h) => h.iiaHash));
    expect(hashIiaModel(iias[0] as Iia)).toEqual(hashes[0]);
  });

  it("lists specifications grouped by kind in the schema's order, keeping the order within a kind", () => {
    const order = [
      ...xml.matchAll(/<(student-studies|student-traineeship|staff-teacher|staff-training)-mobility-spec>/g),
    ];
    expect(order.slice(0, 4).map((m) => m[1])).toEqual([
      "student-studies",
      "student-studies",
      "staff-teacher",
      "staff-training",
    ]);
    const [lilleToWarsaw, warsawToLille] = hashes[0]?.textToHash.split("_receiving-last-academic-year-id=") ?? [];
    expect(lilleToWarsaw).toContain("student-studies-mobility-spec.sending-hei-id=univ-lille.fr");
    expect(warsawToLille).toContain("student-studies-mobility-spec.sending-hei-id=uw.edu.pl");
  });

  it("writes compact leaves and leaves out what the model does not hold", () => {
    expect(xml).toContain("<total-months-per-year>27.5</total-months-per-year>");
    expect(xml).toContain("<total-days-per-year>4.5</total-days-per-year>");
    expect(xml).toContain(
      "<other-info-terms>Tuition fees are waived; see the annex &amp; the grading table.</other-info-terms>",
    );
    expect(xml).not.toMatch(/>\s+[^<\s][^<]*<\/(?!iias-get-response)/);
    const terminated = xml.slice(xml.indexOf("lille-2023-0042"));
    expect(terminated.slice(0, terminated.indexOf("</partner>", terminated.indexOf("hibo.no")))).not.toContain(
      "<iia-id>",
    );
    expect(xml).not.toContain("<sending-ounit-id></sending-ounit-id>");
  });

  it("marks termination and v6 carry-overs, which the hash and approvability follow", () => {
    expect(xml).toContain('<cooperation-conditions terminated-as-a-whole="true">');
    expect(hashes[1]?.textToHash).toMatch(/^_@terminated-as-a-whole@__iia-id_1=lille-2023-0042__iia-id_2=__/);
    expect(xml).toContain('<mobilities-per-year not-yet-defined="true">3</mobilities-per-year>');
    expect(xml).toContain('<isced-f-code v6-value="031">0310</isced-f-code>');
    expect(hashes[2]?.textToHash).toContain("subject-area.isced-f-code=031_");
    expect(hashes.map((h) => h.validForApproval)).toEqual([true, true, false]);
  });

  it("changes the hash when a partner's copy is mapped, and not when a contact changes", () => {
    const base = buildIia();
    const unmapped = buildIia({ partners: [base.partners[0] as never, { heiId: "uw.edu.pl" }] });
    expect(hashIiaModel(unmapped).iiaHash).not.toBe(hashIiaModel(base).iiaHash);
    const renamed = buildIia({
      partners: [{ ...(base.partners[0] as object), contacts: [] } as never, base.partners[1] as never],
    });
    expect(hashIiaModel(renamed).iiaHash).toBe(hashIiaModel(base).iiaHash);
  });
});

describe("readIiasGetResponse", () => {
  it("reads back what was written: same model, same XML, same hash", () => {
    const iias = [buildIia(), buildTerminatedIia(), buildCarriedOverIia()];
    const first = writeIiasGetResponse(iias);
    const read = readIiasGetResponse(first.xml);
    expect(read.problems).toEqual([]);
    expect(read.iias.map((r) => r.iia)).toEqual(iias.map(inDocumentOrder));
    expect(read.iias.map((r) => r.hash.iiaHash)).toEqual(first.hashes.map((h) => h.iiaHash));
    const again = writeIiasGetResponse(read.iias.map((r) => r.iia));
    expect(again.xml).toBe(first.xml);
  });

  const v7Vectors = [
    "ewp-specs-api-iias/endpoints/get-response-example.xml",
    "ewp-specs-api-iias/resources/xsltKit/get-response-v7.xml",
    "hash-vectors/v7-contact.xml",
    "hash-vectors/v7-emptyclar.xml",
    "hash-vectors/v7-nopartnerid.xml",
    "hash-vectors/v7-nyd.xml",
    "hash-vectors/v7-otherinfo.xml",
    "hash-vectors/v7-rlsubj.xml",
    "hash-vectors/v7-term.xml",
    "hash-vectors/v7-twoiia.xml",
    "hash-vectors/v7-ws.xml",
  ];

  it.each(v7Vectors)("keeps the hash of %s when it is read and written again", async (file) => {
    const source = readShared(file);
    expect(validateWithXmllint(source, GET_SCHEMA).ok).toBe(true);
    const read = readIiasGetResponse(source);
    const rewritten = writeIiasGetResponse(read.iias.map((r) => r.iia));
    expect(rewritten.hashes.map((h) => h.iiaHash)).toEqual(hashIiasGetResponse(source).map((h) => h.iiaHash));
    expect(rewritten.hashes.map((h) => h.validForApproval)).toEqual(read.iias.map((r) => r.hash.validForApproval));
    expect(validateWithXmllint(rewritten.xml, GET_SCHEMA).ok).toBe(true);
  });

  it("finds the official example's declared hash right, and flags a stale one on its line", () => {
    expect(readIiasGetResponse(readShared("ewp-specs-api-iias/endpoints/get-response-example.xml")).problems).toEqual(
      [],
    );
    const source = readShared("hash-vectors/v7-term.xml");
    const [problem] = readIiasGetResponse(source).problems;
    const line = source.split("\n").findIndex((l) => l.includes("<iia-hash>")) + 1;
    expect(problem).toMatchObject({ element: "iia-hash", line });
    expect(problem?.params?.computed).toBe("34157e497e07bfd6d74051f3ceb1bb30ade53791ede3fad614c823ae0bd98635");
  });

  it("reports a broken v7 rule on the element and line it comes from", () => {
    const { xml } = writeIiasGetResponse([buildIia()]);
    const changed = xml.replace("<language>pl</language>", "<language>polski język</language>");
    const line = changed.split("\n").findIndex((l) => l.includes("polski")) + 1;
    const read = readIiasGetResponse(changed);
    expect(read.problems).toEqual([
      expect.objectContaining({
        element: "language",
        line,
        field: "mobilitySpecs.0.recommendedLanguageSkills.1.language",
        key: "A language code such as fr, sv or en-GB",
      }),
      expect.objectContaining({ element: "iia-hash" }),
    ]);
    expect(read.iias).toHaveLength(1);
  });

  it("reports a spec whose institution is not a partner on its hei-id element", () => {
    const { xml } = writeIiasGetResponse([buildTerminatedIia()]);
    const changed = xml.replace("<sending-hei-id>hibo.no</sending-hei-id>", "<sending-hei-id>uio.no</sending-hei-id>");
    const [problem] = readIiasGetResponse(changed).problems;
    expect(problem).toMatchObject({
      element: "sending-hei-id",
      message: "uio.no is not one of the agreement's two partners",
      params: { heiId: "uio.no" },
    });
  });

  it("leaves out an agreement with a missing or unreadable value, naming the element and line", () => {
    const { xml } = writeIiasGetResponse([buildTerminatedIia(), buildIia()]);
    const broken = xml
      .replace("<blended>false</blended>", "<blended>no</blended>")
      .replace(
        /<in-effect>true<\/in-effect>\n\s*<cooperation-conditions terminated/,
        "<cooperation-conditions terminated",
      );
    const read = readIiasGetResponse(broken);
    expect(read.iias.map((r) => r.iia.partners[0]?.iiaId)).toEqual(["4b3d9c1e-8f0a-4a51-9c7e-2f1d6a7b8c90"]);
    const lines = broken.split("\n");
    expect(read.problems.map((p) => [p.element, p.line, p.key])).toEqual([
      [
        "iia",
        lines.findIndex((l) => l.includes("<iia>")) + 1,
        "The required element {{element}} is missing from {{parent}}",
      ],
      [
        "blended",
        lines.findIndex((l) => l.includes("<blended>no")) + 1,
        "{{element}} must be true or false, not {{value}}",
      ],
    ]);
  });

  it("refuses a document that is not an IIAs v7 get-response, or not XML", () => {
    const v6 = readIiasGetResponse(readShared("ewp-specs-api-iias/resources/xsltKit/get-response-v6.xml"));
    expect(v6.iias).toEqual([]);
    expect(v6.problems[0]?.key).toBe("The document is {{found}}, not {{expected}}");
    const broken = readIiasGetResponse("<iias-get-response>\n<iia>\n</iias-get-response>");
    // The parser points at the element left open.
    expect(broken.problems[0]).toMatchObject({ line: 2, key: "The document is not well-formed XML: {{detail}}" });
    expect(broken.problems[0]?.message).toMatch(/iia/);
  });
});

describe("index and approval responses", () => {
  it("writes an index the schema accepts and reads it back", () => {
    const ids = ["4b3d9c1e-8f0a-4a51-9c7e-2f1d6a7b8c90", "lille-2023-0042"];
    const xml = writeIiasIndexResponse(ids);
    expect(validateWithXmllint(xml, "ewp-specs-api-iias/endpoints/index-response.xsd").ok).toBe(true);
    expect(readIiasIndexResponse(xml)).toEqual({ iiaIds: ids, problems: [] });
    expect(validateWithXmllint(writeIiasIndexResponse([]), "ewp-specs-api-iias/endpoints/index-response.xsd").ok).toBe(
      true,
    );
  });

  it("writes approvals the schema accepts and reads them back", () => {
    const approvals = [
      IiaApproval.parse({ iiaId: "1954991", iiaHash: hashIiaModel(buildIia()).iiaHash }),
      IiaApproval.parse({ iiaId: "HIBO-7", iiaHash: "a".repeat(64), pdfFile: "f-1" }),
    ];
    const xml = writeIiasApprovalResponse(approvals);
    expect(validateWithXmllint(xml, "ewp-specs-api-iias-approval/response.xsd").ok).toBe(true);
    expect(readIiasApprovalResponse(xml)).toEqual({ approvals, problems: [] });
  });

  it("reads the official approval example and reports a malformed hash on its line", () => {
    const example = readIiasApprovalResponse(readShared("ewp-specs-api-iias-approval/response-example.xml"));
    expect(example.approvals.map((a) => a.iiaId)).toEqual([
      "0f7a5682-faf7-49a7-9cc7-ec486c49a281",
      "82a94c1684ce-947c-7ac9-cd7f-287f065a",
    ]);
    const bad = writeIiasApprovalResponse([{ iiaId: "x", iiaHash: "b".repeat(64) }]).replace("b".repeat(64), "XYZ");
    expect(readIiasApprovalResponse(bad).problems).toEqual([
      expect.objectContaining({
        element: "iia-hash",
        line: 5,
        key: "A SHA-256 hash: 64 lowercase hexadecimal characters",
      }),
    ]);
  });
});
