import { describe, expect, it } from "vitest";
import { UpdatePictureInput } from "./picture.js";

describe("UpdatePictureInput", () => {
  it("refuses to make a picture public while clearing its text alternative, naming alt", () => {
    const parsed = UpdatePictureInput.safeParse({ public: true, alt: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["alt"]);
  });

  it("leaves the stored text alternative to the server when only publication changes", () => {
    expect(UpdatePictureInput.safeParse({ public: true }).success).toBe(true);
  });

  it("takes one text per language", () => {
    const parsed = UpdatePictureInput.safeParse({
      caption: [
        { lang: "fr", value: "Signature" },
        { lang: "fr", value: "Encore" },
      ],
    });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["caption.1.lang"]);
  });

  it("trims texts and refuses unknown fields", () => {
    expect(UpdatePictureInput.parse({ credit: "  Photo: MEL  " }).credit).toBe("Photo: MEL");
    expect(UpdatePictureInput.safeParse({ position: 3 }).success).toBe(false);
  });
});
