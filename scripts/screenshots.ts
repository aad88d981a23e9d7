/**
 * Takes the README's screenshots: starts Conventio on a fresh database with the demo data,
 * signs in and photographs the main pages in Debian's Chromium. Usage: npm run screenshots
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig, startServer } from "@conventio/server";
import { chromium } from "playwright-core";

const out = resolve("docs/screenshots");
mkdirSync(out, { recursive: true });
const config = loadConfig({
  NODE_ENV: "production",
  DATA_DIR: mkdtempSync(join(tmpdir(), "conventio-shots-")),
  PORT: "0",
  LOG_LEVEL: "warn",
  ADMIN_EMAIL: "admin@example.org",
  ADMIN_PASSWORD: "screenshots-password",
});
const running = await startServer({ config, demo: true, reminders: false });
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "conventio-chromium-")), {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1280, height: 860 },
  locale: "en-GB",
});
const page = await context.newPage();
await page.goto(`${running.url}/sign-in`);
await page.getByLabel("E-mail").fill("admin@example.org");
await page.getByLabel("Password").fill("screenshots-password");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));

const shots: Array<[string, string]> = [
  ["organisations", "/organisations"],
  ["registry", "/registry?q=kyutech"],
  ["map", "/map"],
];
for (const [name, path] of shots) {
  await page.goto(`${running.url}${path}`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: join(out, `${name}.png`) });
}
const lille = await (
  await page.request.get(`${running.url}/api/organisations?q=universite%20de%20lille&limit=1`)
).json();
await page.goto(`${running.url}/organisations/${lille.items[0].id}`);
await page.waitForLoadState("networkidle");
await page.screenshot({ path: join(out, "organisation.png") });
const kyutech = await (
  await page.request.get(`${running.url}/api/agreements?q=accord%20cadre%20kyushu&limit=1`)
).json();
await page.goto(`${running.url}/agreements/${kyutech.items[0].id}`);
await page.waitForLoadState("networkidle");
await page.screenshot({ path: join(out, "agreement.png"), fullPage: true });
const melId = (
  await (await page.request.get(`${running.url}/api/agreements?q=metropole&kind=partnership_convention&limit=1`)).json()
).items[0].id as string;
for (const [name, path] of [
  ["agreements", "/agreements"],
  ["dashboard", "/dashboard"],
  ["progress-review", `/reviews?agreement=${encodeURIComponent(melId)}&on=2021-11-15`],
] as const) {
  await page.goto(`${running.url}${path}`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: join(out, `${name}.png`) });
}
// The public side, as a visitor with no session sees it.
const mel = await (await page.request.get(`${running.url}/api/public/agreements?q=metropole&limit=1`)).json();
const visitor = await context.request.storageState().then(() => context.newPage());
await context.clearCookies();
await visitor.goto(`${running.url}/partnerships/${mel.items[0].id}`);
await visitor.waitForLoadState("networkidle");
await visitor.screenshot({ path: join(out, "partnership-public.png"), fullPage: true });
await visitor.goto(`${running.url}/partners/${lille.items[0].id}`);
await visitor.waitForLoadState("networkidle");
await visitor.screenshot({ path: join(out, "partner-public.png"), fullPage: true });
await visitor.close();
await page.goto(`${running.url}/sign-in`);
await page.getByLabel("E-mail").fill("admin@example.org");
await page.getByLabel("Password").fill("screenshots-password");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
await page
  .getByLabel(/language|langue|språk/i)
  .first()
  .selectOption({ label: "Français" })
  .catch(() => undefined);
await page.goto(`${running.url}/organisations`);
await page.waitForLoadState("networkidle");
await page.screenshot({ path: join(out, "organisations-fr.png") });

await context.close();
await running.stop();
console.log(`Screenshots written to ${out}`);
