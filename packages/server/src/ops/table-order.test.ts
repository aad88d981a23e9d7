import { describe, expect, it } from "vitest";
import { inDependencyOrder, type TablePlan } from "./table-order.js";

const table = (name: string, dependsOn: string[] = []): TablePlan => ({
  name,
  columns: ["id"],
  textColumns: ["id"],
  orderBy: ["id"],
  deferred: [],
  dependsOn,
});

describe("the order tables are written in", () => {
  it("puts every table after the tables it refers to, and ready tables in alphabetical order", () => {
    const order = inDependencyOrder([
      table("meeting", ["governance_body", "agreement"]),
      table("agreement"),
      table("governance_body", ["agreement"]),
      table("action_item", ["meeting", "app_user"]),
      table("app_user"),
    ]).map((t) => t.name);
    expect(order).toEqual(["agreement", "app_user", "governance_body", "meeting", "action_item"]);
  });

  it("ignores references to tables outside the plan", () => {
    expect(inDependencyOrder([table("document", ["gone"])]).map((t) => t.name)).toEqual(["document"]);
  });

  it("names the tables of a cycle, which could not be loaded in one pass", () => {
    expect(() => inDependencyOrder([table("a", ["b"]), table("b", ["a"]), table("c")])).toThrow(
      "These tables refer to each other in a cycle: a, b.",
    );
  });
});
