import type { Page } from "playwright-core";
import { ADMIN } from "./server.js";

/** Signs in through the sign-in page, as a person would, and waits for the organisations list. */
export async function signIn(page: Page, baseUrl: string, account: { email: string; password: string } = ADMIN) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Organisations" }).waitFor();
}
