// Render the council briefing page of a built site to PDF with Chromium, in A4 and US Letter.
//
//   npm run briefing:pdf                 # from dist/ (run `npm run build` first)
//   npm run briefing:pdf -- dist-internal
//
// Writes <dist>/council/briefing-a4.pdf and <dist>/council/briefing-letter.pdf. The page's print stylesheet does the
// layout (no navigation, charts sized for paper); this script only waits for the page to finish rendering.
import {existsSync} from "node:fs";
import {join} from "node:path";
import {launchBrowser} from "./site/chromium.js";
import {serveStatic} from "./site/static-server.js";

const PAGE = "/council/briefing.html";
const FORMATS = [
  {format: "A4", file: "briefing-a4.pdf"},
  {format: "Letter", file: "briefing-letter.pdf"}
] as const;

/** Pages in a PDF written by Chromium: the page tree's /Count. */
function pdfPageCount(pdf: Buffer): number {
  const counts = [...pdf.toString("latin1").matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  return counts.length > 0 ? Math.max(...counts) : 0;
}

async function main(dist: string): Promise<number> {
  if (!existsSync(join(dist, PAGE))) {
    console.error(`${join(dist, PAGE)} does not exist: build the site first (npm run build).`);
    return 1;
  }
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.origin + PAGE, {waitUntil: "networkidle"});
    await page.waitForTimeout(300);
    const shown = await page.locator(".observablehq--error").count();
    if (errors.length > 0 || shown > 0) {
      console.error(`The briefing page has errors; no PDF written:\n${errors.join("\n")}`);
      return 1;
    }
    await page.emulateMedia({media: "print"});
    let failed = false;
    for (const {format, file} of FORMATS) {
      const path = join(dist, "council", file);
      const pdf = await page.pdf({path, format, printBackground: true, margin: {top: "10mm", bottom: "10mm", left: "12mm", right: "12mm"}});
      const pages = pdfPageCount(pdf);
      console.log(`wrote ${path} (${pages} page${pages === 1 ? "" : "s"})`);
      if (pages !== 1) {
        console.error(`The briefing must fit one ${format} page and runs to ${pages}: shorten it or tighten the print stylesheet.`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

process.exitCode = await main(process.argv[2] ?? "dist");
