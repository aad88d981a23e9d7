// Browser journeys drive Debian's Chromium, and PDF checks use poppler's pdftoppm; both come
// from Debian's packages and are installed when missing.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const missing = [];
if (!existsSync(CHROMIUM)) missing.push("chromium");
if (!existsSync("/usr/bin/pdftoppm")) missing.push("poppler-utils");
if (missing.length > 0) {
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${CHROMIUM}. Install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium package for the browser journeys…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
  });
}
