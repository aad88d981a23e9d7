import axe from "axe-core";
import type { Page } from "playwright-core";

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page and returns the violations of serious or critical impact. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  // Evaluated rather than added as an inline script tag, which the content security policy refuses.
  if (!loaded) await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const { violations } = await runner.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return results.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The rule sets of WCAG 2.1 at levels A and AA, which the walk through every page holds to. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe-core's WCAG 2.1 A and AA rules in the page and returns every violation, whatever its impact. */
export async function wcagViolations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(
    async ({ tags }) => {
      const runner = (window as unknown as { axe: typeof axe }).axe;
      const { violations } = await runner.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
    },
    { tags: WCAG_21_AA },
  );
}
