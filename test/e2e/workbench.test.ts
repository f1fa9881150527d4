// The RSO's workbench in a browser, on the sample's builds: the reviews on the pages (who decided only in the internal
// build), the grouped warnings with search and filters, and the dose-units toggle remembered from one page to the next.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {launchBrowser} from "../../scripts/site/chromium.js";
import {serveStatic, type StaticServer} from "../../scripts/site/static-server.js";
import {SAMPLE_REVIEWER} from "../../lib/sample/reviews.js";

let browser: Browser;
let publicSite: StaticServer;
let internalSite: StaticServer;

beforeAll(async () => {
  browser = await launchBrowser();
  publicSite = await serveStatic("dist");
  internalSite = await serveStatic("dist-internal");
});
afterAll(async () => {
  await browser?.close();
  await publicSite?.close();
  await internalSite?.close();
});

async function open(server: StaticServer, path: string, context?: BrowserContext): Promise<Page> {
  const page = await (context ?? (await browser.newContext({viewport: {width: 1280, height: 900}}))).newPage();
  await page.goto(`${server.origin}${path}`, {waitUntil: "networkidle"});
  await page.waitForTimeout(300);
  return page;
}

describe("reviews on the pages", () => {
  it("lists the excluded readings with their reasons on the Data quality page, who decided only in the internal build", async () => {
    const pub = await open(publicSite, "/rso/index.html");
    const table = pub.locator(".table-scroll", {has: pub.locator("caption", {hasText: "Excluded readings"})});
    expect(await table.locator("tbody tr").count()).toBe(3);
    expect(await table.textContent()).toContain("dose entered six times too high");
    expect(await table.locator("th").allTextContents()).not.toContain("By");
    expect(await pub.locator("body").innerText()).not.toContain(SAMPLE_REVIEWER);
    await pub.context().close();

    const internal = await open(internalSite, "/rso/index.html");
    const internalTable = internal.locator(".table-scroll", {has: internal.locator("caption", {hasText: "Excluded readings"})});
    expect(await internalTable.locator("th").allTextContents()).toContain("By");
    expect(await internalTable.textContent()).toContain(SAMPLE_REVIEWER);
    await internal.context().close();
  });

  it("says on the public page how many readings were set aside and why, never who", async () => {
    const page = await open(publicSite, "/public/index.html");
    const text = await page.locator("#observablehq-main").innerText();
    expect(text).toMatch(/3 readings were set aside after review and not used: .*dose entered in the wrong unit.*\(1\)/);
    expect(text).not.toContain(SAMPLE_REVIEWER);
    await page.context().close();
  });

  it("says in the briefing what changed in the exclusions since the previous briefing", async () => {
    const page = await open(publicSite, "/council/briefing.html");
    expect(await page.locator(".briefing").innerText()).toMatch(/3 readings are set aside after review \(2 at the previous briefing\); newly excluded: dose entered six times too high: the instrument's own record was checked \(1\)\./);
    await page.context().close();
  });

  it("shows a device's fit with and without the exclusions on the models page", async () => {
    const page = await open(publicSite, "/rso/fits.html");
    const text = await page.locator("#observablehq-main").innerText();
    expect(text).toMatch(/2 readings of ZBV-0417 are set aside by reviews/);
    const figures = page.locator(".table-scroll", {has: page.locator("caption", {hasText: "with and without the excluded readings"})});
    expect(await figures.locator("tbody tr").count()).toBe(2);
    await page.context().close();
  });
});

describe("grouped warnings", () => {
  it("shows one line per kind, opens a kind to its rows in pages, and narrows by search, device and file", async () => {
    const page = await open(publicSite, "/rso/index.html");
    const grouped = page.locator(".grouped");
    const summaries = grouped.locator("summary");
    const kinds = await summaries.count();
    expect(kinds).toBeGreaterThanOrEqual(4);
    expect(await summaries.first().innerText()).toMatch(/^\d+\s+Taken with a rate meter/);
    // Opening the largest kind shows its first page of rows and a pager.
    await summaries.first().click();
    const first = grouped.locator("details").first();
    // The rows are drawn when the group opens (its toggle event): wait for them rather than count at once.
    await first.locator("tbody tr").nth(24).waitFor();
    expect(await first.locator("tbody tr").count()).toBe(25);
    await first.getByRole("button", {name: "Next"}).click();
    await first.locator("caption", {hasText: "26–50"}).waitFor();
    expect(await first.locator("caption").innerText()).toMatch(/^Taken with a rate meter: 26–50 of \d+ warnings$/);
    // Search narrows every kind at once.
    await grouped.locator("input[type=search]").fill("times higher");
    await page.waitForTimeout(100);
    expect(await grouped.locator("summary strong").allTextContents()).toEqual(["Far off the device's other readings"]);
    await grouped.locator("input[type=search]").fill("");
    // The device and file filters.
    await grouped.getByLabel("Device", {exact: true}).selectOption("ZBV-0522");
    const deviceMeta = await grouped.locator(".grouped-meta").allInnerTexts();
    expect(deviceMeta.every((m) => m.includes("ZBV-0522") && !m.includes("ZBV-0417"))).toBe(true);
    await grouped.getByLabel("File", {exact: true}).selectOption("data/readings/ZBV-0522-2026.csv");
    expect(await grouped.locator(".grouped-status").innerText()).toMatch(/^\d+ warnings? of \d+ match, in \d+ kinds?\.$/);
    await page.context().close();
  });
});

describe("dose units", () => {
  it("follow the reader's choice across pages, remembered in local storage without a cookie or a request", async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await open(publicSite, "/public/index.html", context);
    const lead = page.locator("p.lead");
    // Public pages open with both units.
    expect(await lead.innerText()).toMatch(/µSv \([\d.]+ (µrem|mrem)\)/);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.locator("input[name=units][value=us]").check();
    await page.waitForTimeout(300);
    expect(await lead.innerText()).toMatch(/mrem/);
    expect(await lead.innerText()).not.toMatch(/µSv|nSv/);
    expect(await page.evaluate(() => localStorage.getItem("mobile-xray-safety.units"))).toBe("us");
    expect(requests).toEqual([]);
    expect(await context.cookies()).toEqual([]);

    // The next page opens in mrem: its table and the toggle say so.
    await page.goto(`${publicSite.origin}/rso/compliance.html`, {waitUntil: "networkidle"});
    await page.waitForTimeout(300);
    expect(await page.locator("input[name=units][value=us]").isChecked()).toBe(true);
    const checks = page.locator(".table-scroll", {has: page.locator("caption", {hasText: "Scenarios against the limits"})});
    expect(await checks.locator("tbody tr").first().innerText()).toMatch(/mrem/);
    // Back to SI there, and the public page follows.
    await page.locator("input[name=units][value=si]").check();
    await page.waitForTimeout(200);
    expect(await checks.locator("tbody tr").first().innerText()).not.toMatch(/mrem/);
    await page.goto(`${publicSite.origin}/public/index.html`, {waitUntil: "networkidle"});
    await page.waitForTimeout(300);
    expect(await page.locator("p.lead").innerText()).not.toMatch(/mrem/);
    await context.close();
  });
});
