import { describe, expect, it } from "vitest";
import { websiteOf } from "./import-organisations.js";
import { cellValueText, detectDelimiter } from "./import-sheet.js";

describe("reading sheets", () => {
  it("finds the delimiter of the header line, quoted text aside", () => {
    expect(detectDelimiter("name,city\nLille,Lille")).toBe(",");
    expect(detectDelimiter('name;"city, region";country\n')).toBe(";");
    expect(detectDelimiter("name\tcity\tcountry")).toBe("\t");
    expect(detectDelimiter("name")).toBe(",");
  });

  it("reads workbook cells as the sheet shows them", () => {
    expect(cellValueText(new Date(Date.UTC(2024, 8, 1)))).toBe("2024-09-01");
    expect(cellValueText(new Date(Date.UTC(2024, 8, 1, 14, 30)))).toBe("2024-09-01T14:30");
    expect(cellValueText(948821603)).toBe("948821603");
    expect(cellValueText({ error: "#N/A" })).toBe("#N/A");
    expect(cellValueText({ richText: [{ text: "F  " }, { text: "LILLE103" }] })).toBe("F  LILLE103");
    expect(cellValueText({ formula: "1+1", result: 2 })).toBe("2");
    expect(cellValueText({ text: "ULille", hyperlink: "https://www.univ-lille.fr" })).toBe("ULille");
    expect(cellValueText(null)).toBeNull();
  });
});

describe("website cells", () => {
  it("are read as offices and lists write them", () => {
    expect(websiteOf("www.ph-noe.ac.at")).toBe("https://www.ph-noe.ac.at");
    expect(websiteOf("www. iesadaja.centros.educa.jcyl.es")).toBe("https://www.iesadaja.centros.educa.jcyl.es");
    expect(websiteOf("http//www.univ-perp.fr")).toBe("http://www.univ-perp.fr");
    expect(websiteOf("www.uoi.gr / www.rc.uoi.gr")).toBe("https://www.uoi.gr");
    expect(websiteOf("38002791@gobiernodecanarias.org / http://www.lalaboral.com")).toBe("http://www.lalaboral.com");
  });

  it("are left out when they hold no web address", () => {
    expect(websiteOf("lyc-newton-clichy@ac-versailles .fr")).toBeNull();
    expect(websiteOf("20004497200087")).toBeNull();
  });
});
