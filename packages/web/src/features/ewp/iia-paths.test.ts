import { describe, expect, it } from "vitest";
import { pathSteps } from "./iia-paths";

describe("paths of the comparison", () => {
  it("reads list positions as counted from 1, beside the list they number", () => {
    expect(pathSteps("mobilitySpecs.0.recommendedLanguageSkills.1.cefrLevel")).toEqual([
      { field: "mobilitySpecs", n: 1 },
      { field: "recommendedLanguageSkills", n: 2 },
      { field: "cefrLevel" },
    ]);
    expect(pathSteps("partners.1.signingContact.emails.0")).toEqual([
      { field: "partners", n: 2 },
      { field: "signingContact" },
      { field: "emails", n: 1 },
    ]);
    expect(pathSteps("inEffect")).toEqual([{ field: "inEffect" }]);
  });
});
