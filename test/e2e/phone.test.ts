// Every page of both builds on a phone (390 × 844 CSS pixels): nothing scrolls sideways (a wide table scrolls inside
// its own box), no page is longer than 25 screens, and no page errors. Screenshots go to test/e2e/screenshots/ for
// people to look at. The public page's data (its JSON) stays under 50 KB gzip.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdirSync} from "node:fs";
import {gzipSync} from "node:zlib";
import type {Browser} from "playwright-core";
import {allPages} from "../../src/navigation.js";
import {launchBrowser} from "../../scripts/site/chromium.js";
import {serveStatic, type StaticServer} from "../../scripts/site/static-server.js";

const SCREENSHOTS = "test/e2e/screenshots";
const PHONE = {width: 390, height: 844};
const MAX_SCREENS = 25;
const PUBLIC_PAGE_DATA_BYTES = 50 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, {recursive: true});
});
afterAll(async () => {
  await browser?.close();
});

for (const build of [{name: "public", dist: "dist"}, {name: "internal", dist: "dist-internal"}]) {
  describe(`${build.name} build on a phone`, () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic(build.dist);
    });
    afterAll(async () => {
      await server?.close();
    });

    for (const {name, path} of allPages()) {
      it(`${name} (${path}) fits the width and ${MAX_SCREENS} screens`, async () => {
        const context = await browser.newContext({viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true});
        const page = await context.newPage();
        const errors: string[] = [];
        const data: Promise<number>[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("response", (r) => {
          if (/\/_file\/data\/.*\.json$/.test(new URL(r.url()).pathname)) data.push(r.body().then((b) => gzipSync(b).length));
        });
        try {
          await page.goto(server.origin + (path === "/index" ? "/" : `${path}.html`), {waitUntil: "networkidle"});
          await page.waitForTimeout(400);
          const layout = await page.evaluate(() => {
            const doc = document.documentElement;
            // The widest elements that stick out of the page, outside any box that scrolls on its own: what to fix.
            const inScrollBox = (e: Element) => {
              for (let p = e.parentElement; p; p = p.parentElement) if (/(auto|scroll|hidden)/.test(getComputedStyle(p).overflowX)) return true;
              return false;
            };
            const wide = [...document.querySelectorAll("body *")]
              .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1 && !inScrollBox(e))
              .slice(0, 5)
              .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : ""} (${Math.round(e.getBoundingClientRect().right)} px)`);
            return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, height: doc.scrollHeight, wide};
          });
          const slug = `${build.name}-${path.replace(/^\//, "").replace(/\//g, "-")}`;
          await page.screenshot({path: `${SCREENSHOTS}/${slug}-phone-layout.png`, fullPage: true});
          expect(errors, "page errors").toEqual([]);
          expect(layout.scrollWidth, `scrolls sideways: ${layout.wide.join(", ")}`).toBeLessThanOrEqual(layout.clientWidth);
          expect(layout.height / PHONE.height, `${(layout.height / PHONE.height).toFixed(1)} screens long`).toBeLessThanOrEqual(MAX_SCREENS);
          if (build.name === "public" && path === "/public/index") {
            const bytes = (await Promise.all(data)).reduce((a, b) => a + b, 0);
            expect(bytes, "the public page's data, gzip").toBeLessThan(PUBLIC_PAGE_DATA_BYTES);
          }
        } finally {
          await context.close();
        }
      });
    }
  });
}
