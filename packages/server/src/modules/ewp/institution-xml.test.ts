import { describe, expect, it } from "vitest";
import { buildInstitution } from "./ewp-samples.js";
import { validateWithXmllint } from "./ewp-xml-test-tools.js";
import {
  languageRequirementDetails,
  writeFactsheetResponse,
  writeInstitutionsResponse,
  writeOunitsResponse,
} from "./institution-xml-writer.js";
import { validateEwpXml } from "./xsd-validation.js";

const hei = buildInstitution();

describe("writeInstitutionsResponse", () => {
  const xml = writeInstitutionsResponse([hei]);

  it("writes an institution the official schema accepts", async () => {
    expect(validateWithXmllint(xml, "ewp-specs-api-institutions/response.xsd")).toMatchObject({ ok: true });
    expect(await validateEwpXml(xml, "institutions")).toEqual([]);
  });

  it("keeps the Erasmus code as written, padded spaces included, and types each id", () => {
    expect(xml).toContain('<other-id type="erasmus">F  LILLE103</other-id>');
    expect(xml).toContain('<other-id type="pic">894287914</other-id>');
    expect(xml).toContain('<other-id type="erasmus-charter">101048367</other-id>');
  });

  it("names the institution in each language and lists its units after the root", () => {
    expect(xml).toContain('<name xml:lang="fr">Université de Lille</name>');
    expect(xml).toContain('<name xml:lang="en">University of Lille</name>');
    expect(xml.indexOf("<root-ounit-id>root</root-ounit-id>")).toBeLessThan(xml.indexOf("<ounit-id>root</ounit-id>"));
    expect(xml).toContain("<ounit-id>law</ounit-id>");
  });

  it("writes contacts with their phone, e-mail and address in the shared types' namespaces", () => {
    expect(xml).toMatch(/<c:contact>\s*<c:contact-name xml:lang="fr">Claire Dubois<\/c:contact-name>/);
    expect(xml).toMatch(/<p:phone-number>\s*<p:e164>\+33362268000<\/p:e164>\s*<p:ext>4512<\/p:ext>/);
    expect(xml).toContain("<a:postOfficeBox>BP 30225</a:postOfficeBox>");
  });

  it("writes an empty response when nothing is asked for", () => {
    expect(validateWithXmllint(writeInstitutionsResponse([]), "ewp-specs-api-institutions/response.xsd").ok).toBe(true);
  });
});

describe("writeOunitsResponse", () => {
  it("writes units with their parent that the official schema accepts", async () => {
    const xml = writeOunitsResponse(hei.ounits);
    expect(validateWithXmllint(xml, "ewp-specs-api-ounits/response.xsd")).toMatchObject({ ok: true });
    expect(await validateEwpXml(xml, "ounits")).toEqual([]);
    expect(xml).toContain("<parent-ounit-id>root</parent-ounit-id>");
    expect(xml).toContain("<ounit-code>FSJPS</ounit-code>");
  });
});

describe("writeFactsheetResponse", () => {
  const xml = writeFactsheetResponse([hei]);

  it("writes the factsheet the official schema accepts", async () => {
    expect(validateWithXmllint(xml, "ewp-specs-api-factsheet/response.xsd")).toMatchObject({ ok: true });
    expect(await validateEwpXml(xml, "factsheet")).toEqual([]);
  });

  it("writes the nomination and application deadlines of each term", () => {
    expect(xml).toMatch(
      /<student-nominations>\s*<autumn-term>--05-15<\/autumn-term>\s*<spring-term>--10-15<\/spring-term>/,
    );
    expect(xml).toMatch(/<student-applications>\s*<autumn-term>--06-01<\/autumn-term>/);
  });

  it("publishes language levels as language certificate requirements", () => {
    expect(xml).toMatch(/<name>Language certificate<\/name>\s*<details>fr B1: Courses taught in French<\/details>/);
    expect(
      languageRequirementDetails({ language: "en", cefrLevel: "B2", iscedFCode: "0421", informationWebsites: [] }),
    ).toBe("en B2 (ISCED-F 0421)");
  });

  it("leaves out institutions without a factsheet", () => {
    const bare = buildInstitution({ factsheet: undefined });
    const empty = writeFactsheetResponse([bare]);
    expect(empty).not.toContain("<factsheet>");
    expect(validateWithXmllint(empty, "ewp-specs-api-factsheet/response.xsd").ok).toBe(true);
  });
});
