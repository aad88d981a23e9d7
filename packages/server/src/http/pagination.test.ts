import { describe, expect, it } from "vitest";
import { AppError } from "#shared/app-error.js";
import { decodeCursor, encodeCursor, toPage } from "./pagination.js";

describe("keyset cursors", () => {
  it("round-trips a position", () => {
    expect(decodeCursor(encodeCursor({ key: "université", id: "42" }))).toEqual({ key: "université", id: "42" });
  });
  it("refuses a cursor it did not make", () => {
    expect(() => decodeCursor("garbage")).toThrow(AppError);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString("base64url"))).toThrow(AppError);
  });
  it("uses the extra row only to say that another page exists", () => {
    const rows = [1, 2, 3].map((n) => ({ k: `k${n}`, id: String(n) }));
    const page = toPage(
      rows,
      2,
      (r) => ({ key: r.k, id: r.id }),
      (r) => r.id,
    );
    expect(page.items).toEqual(["1", "2"]);
    expect(decodeCursor(page.nextCursor ?? undefined)).toEqual({ key: "k2", id: "2" });
    expect(
      toPage(
        rows,
        3,
        (r) => ({ key: r.k, id: r.id }),
        (r) => r.id,
      ).nextCursor,
    ).toBeNull();
  });
});
