// Browser journeys drive Debian's Chromium, and PDF checks use poppler's tools (pdftoppm for
// images, pdftotext, pdfinfo and pdffonts for the text, metadata and fonts of the progress
// review) and libxml2's xmllint checks Erasmus Without Paper documents against the official
// schemas; all come from Debian's packages and are installed when missing.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const needs = [
  { pkg: "chromium", path: CHROMIUM, why: "the browser journeys (or set CHROMIUM_PATH)" },
  { pkg: "poppler-utils", path: "/usr/bin/pdftoppm", why: "turning the progress-review PDF into an image" },
  { pkg: "poppler-utils", path: "/usr/bin/pdftotext", why: "reading the text of the progress-review PDF" },
  { pkg: "poppler-utils", path: "/usr/bin/pdfinfo", why: "reading the title of the progress-review PDF" },
  { pkg: "poppler-utils", path: "/usr/bin/pdffonts", why: "listing the fonts of the progress-review PDF" },
  {
    pkg: "libxml2-utils",
    path: "/usr/bin/xmllint",
    why: "checking Erasmus Without Paper XML against the official schemas",
  },
];
const missing = needs.filter((n) => !existsSync(n.path));
if (missing.length > 0) {
  const packages = [...new Set(missing.map((n) => n.pkg))].join(" ");
  if (process.getuid?.() !== 0) {
    for (const n of missing) console.error(`Missing ${n.path}, needed for ${n.why}.`);
    console.error(`Install Debian's packages: apt-get install ${packages}`);
    process.exit(1);
  }
  console.log(`Installing Debian's packages for the test suite: ${packages}…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, {
    stdio: "inherit",
  });
}
