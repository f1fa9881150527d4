// Every page in the navigation, opened in a real browser from the built site: no errors, no requests that fail or
// leave the site's origin, no serious or critical accessibility violations (axe-core, WCAG 2 A and AA).
// Each page's JavaScript and CSS, gzip-compressed, stays within the page-weight budget so it loads fast on a phone.
// Screenshots at desktop and phone width go to test/e2e/screenshots/ (git-ignored) for people to look at.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdirSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {gzipSync} from "node:zlib";
import type {Browser, Page} from "playwright-core";
import {allPages} from "../../src/navigation.js";
import {launchBrowser} from "../../scripts/site/chromium.js";
import {serveStatic, type StaticServer} from "../../scripts/site/static-server.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SCREENSHOTS = "test/e2e/screenshots";
/** Budget for each page's JavaScript and CSS after gzip (issue 10: public pages under 300 KB). */
const PAGE_WEIGHT_BUDGET_BYTES = 300 * 1024;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic("dist");
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, {recursive: true});
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open a page and collect everything that went wrong while it loaded and rendered. */
async function visit(page: Page, url: string): Promise<{problems: string[]; weight_bytes: number}> {
  const problems: string[] = [];
  const weights: Promise<number>[] = [];
  page.on("response", (r) => {
    const type = r.request().resourceType();
    if (type === "script" || type === "stylesheet") {
      weights.push(r.body().then((b) => gzipSync(b).length, () => (problems.push(`could not measure ${r.url()}`), 0)));
    }
  });
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`uncaught error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol !== "data:" && u.protocol !== "blob:" && u.origin !== server.origin) problems.push(`request leaves the site: ${r.url()}`);
  });
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url, {waitUntil: "networkidle"});
  // Framework renders cells after load; give them a moment and wait for pending work.
  await page.waitForTimeout(300);
  const shownErrors = await page.locator(".observablehq--error").allTextContents();
  for (const text of shownErrors) problems.push(`error shown on the page: ${text.trim().slice(0, 300)}`);
  const weight_bytes = (await Promise.all(weights)).reduce((a, b) => a + b, 0);
  return {problems, weight_bytes};
}

async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
    return (result.violations as {id: string; impact: string; help: string; nodes: {target: string[]}[]}[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" "))
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `axe ${v.impact} ${v.id}: ${v.help} at ${v.targets.join(", ")}`);
}

describe("built site in Chromium", () => {
  const pages = allPages();

  it("has at least one page in the navigation", () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const {name, path} of pages) {
    it(`${name} (${path}) renders cleanly, stays on its origin and its weight budget, and passes axe`, async () => {
      const file = path === "/index" ? "/" : `${path}.html`;
      const context = await browser.newContext({viewport: {width: 1280, height: 900}});
      const page = await context.newPage();
      try {
        const {problems, weight_bytes} = await visit(page, server.origin + file);
        if (weight_bytes > PAGE_WEIGHT_BUDGET_BYTES) {
          problems.push(`page weight ${(weight_bytes / 1024).toFixed(0)} KB of gzipped JS and CSS is over the ${PAGE_WEIGHT_BUDGET_BYTES / 1024} KB budget`);
        }
        expect(await page.title(), "page title").not.toBe("");
        problems.push(...(await accessibilityViolations(page)));
        const slug = path.replace(/^\//, "").replace(/\//g, "-");
        await page.screenshot({path: `${SCREENSHOTS}/${slug}-desktop.png`, fullPage: true});
        await page.setViewportSize({width: 390, height: 844});
        await page.waitForTimeout(200);
        await page.screenshot({path: `${SCREENSHOTS}/${slug}-phone.png`, fullPage: true});
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
