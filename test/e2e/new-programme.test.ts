// Issue 14, "Done when": trying the product as a new user would. `xray-dose init`, one new device's readings (VAN-01,
// 8 readings at 0°, about 56 µSv/h at 5 ft), `validate`, `compliance`, then the site built from that folder with
// XRAY_DATA_DIR. Every page's text must hold nothing of the sample and no verdict the data do not support (no
// deployments and no certificate: nothing can be judged), and the briefing PDF must link to the programme's site.
import {spawnSync} from "node:child_process";
import {appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {allPages} from "../../src/navigation.js";
import {launchBrowser} from "../../scripts/site/chromium.js";
import {serveStatic, type StaticServer} from "../../scripts/site/static-server.js";

const OUT = "dist-e2e";
const DIR = `${OUT}/van-01-data`;
const DIST = `${OUT}/van-01-site`;
const SCREENSHOTS = "test/e2e/screenshots";
// The build's day: 2026-11-30 (the readings are from early November 2026).
const env = {...process.env, SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 30, 12) / 1000), OBSERVABLE_TELEMETRY_DISABLE: "1"};
const xrayDose = (...args: string[]) => spawnSync(process.execPath, ["bin/xray-dose.js", ...args], {encoding: "utf8", env});

/** Text on any page that comes from the sample data set or its policy, and must never appear in another programme's site. */
const SAMPLE_FACTS = [
  "ZBV-0417", "ZBV-0522", "Sample data", "synthetic", "NYPD", "a few feet", "30 feet", "devices' numbers", "from 1 devices",
  "Example Dosimetry Laboratory", "7,843", "UN General Assembly", "PIC-CAL-12", "EPD-2231", "Washington State's WAC", "the policy's distance",
  "first-in-first-out basis\"", "limited effective use range"
];

let server: StaticServer;
let browser: Browser;

beforeAll(() => {
  rmSync(DIR, {recursive: true, force: true});
  mkdirSync(OUT, {recursive: true});
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(DIST, {recursive: true, force: true});
  rmSync(DIR, {recursive: true, force: true});
});

describe("a new programme, from init to its site", () => {
  it("init makes the folder, and validation then asks for readings", () => {
    const init = xrayDose("init", DIR, "--programme", "Harbour X-ray van", "--agency", "Port Authority", "--jurisdiction", "Washington State, USA", "--site-url", "https://example.org/van");
    expect(init.status).toBe(0);
    const empty = xrayDose("validate", DIR);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/readings\.csv:1: the file has a header but no readings; add one line per reading below the header/);
  });

  it("validates the folder with the new readings: valid, with warnings that name the device and what follows", () => {
    appendFileSync(`${DIR}/readings/readings.csv`, readFileSync("test/fixtures/programmes/van-01/readings.csv", "utf8"));
    const run = xrayDose("validate", DIR);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Harbour X-ray van, Port Authority \(Washington State, USA\)\n {2}readings: 1 file, 8 readings from 1 device \(VAN-01\)/);
    expect(run.stderr).toMatch(/device VAN-01 has 8 readings but no calibration certificate in certificates\/: its effective energy is taken as 60 keV/);
    expect(run.stderr).toMatch(/device VAN-01 has no deployments in the log/);
    expect(run.stderr).toMatch(/policy: warning: holds no policy text/);
  });

  it("gives every verdict as 'cannot be determined', with the reason, before any build", () => {
    const run = xrayDose("compliance", DIR, "--json");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.synthetic).toBe(false);
    expect(report.devices.map((d: {device_id: string}) => d.device_id)).toEqual(["VAN-01"]);
    expect(new Set(report.verdicts.map((v: {verdict: string}) => v.verdict))).toEqual(new Set(["cannot be determined"]));
  });

  it("builds the site from the folder, leaving dist/ alone", () => {
    const before = readFileSync("dist/index.html", "utf8");
    const build = spawnSync("npm", ["run", "--silent", "build"], {encoding: "utf8", env: {...env, XRAY_DATA_DIR: DIR, XRAY_DIST_DIR: DIST}});
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(new RegExp(`Published ${DIST}/`));
    expect(readFileSync("dist/index.html", "utf8")).toBe(before);
  });

  it("publishes no verdict the data do not support", () => {
    // Each page's data (data/pages/<page>.json): the briefing's and the public page's, and every page's free of the sample.
    const pages = `${DIST}/_file/data/pages`;
    const data = (page: string) => JSON.parse(readFileSync(`${pages}/${readdirSync(pages).find((f) => f.startsWith(`${page}.`))!}`, "utf8"));
    const briefing = data("council-briefing");
    expect(briefing).toMatchObject({synthetic: false, programme: "Harbour X-ray van", status_on: "2026-11-30", claims: [], site_url: "https://example.org/van/"});
    expect(data("public-index")).toMatchObject({claims: [], policy_figures: []});
    const verdicts = briefing.scenarios.flatMap((s: {verdicts: {verdict: string}[]}) => s.verdicts.map((v) => v.verdict));
    expect(verdicts.length).toBeGreaterThan(20);
    expect(new Set(verdicts)).toEqual(new Set(["cannot-be-determined"]));
    for (const file of readdirSync(pages)) expect(readFileSync(`${pages}/${file}`, "utf8"), file).not.toMatch(/ZBV-|PIC-CAL|EPD-22/);
  });

  it("shows nothing of the sample on any page, and no unrendered expression, at desktop and phone width", async () => {
    server = await serveStatic(DIST);
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, {recursive: true});
    const found: string[] = [];
    for (const {path} of allPages()) {
      const page = await browser.newPage({viewport: {width: 1280, height: 900}});
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(server.origin + (path === "/index" ? "/" : `${path}.html`), {waitUntil: "networkidle"});
      await page.waitForTimeout(300);
      errors.push(...(await page.locator(".observablehq--error").allTextContents()));
      const text = await page.locator("body").innerText();
      for (const fact of SAMPLE_FACTS) if (text.includes(fact)) found.push(`${path}: "${fact}"`);
      // A page expression Framework could not parse is shown as its source text.
      for (const raw of ["${", "html`"]) if (text.includes(raw)) found.push(`${path}: unrendered expression ("${raw}")`);
      for (const error of errors) found.push(`${path}: error ${error}`);
      const slug = `van-01-${path.replace(/^\//, "").replace(/\//g, "-")}`;
      await page.screenshot({path: `${SCREENSHOTS}/${slug}-desktop.png`, fullPage: true});
      await page.setViewportSize({width: 390, height: 844});
      await page.waitForTimeout(200);
      await page.screenshot({path: `${SCREENSHOTS}/${slug}-phone.png`, fullPage: true});
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it("says on its pages what it could not determine, and on which day certificates were judged", async () => {
    const textOf = async (path: string) => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}${path}`, {waitUntil: "networkidle"});
      await page.waitForTimeout(300);
      const text = await page.locator("body").innerText();
      await page.close();
      return text;
    };
    const pub = await textOf("/public/index.html");
    expect(pub).toMatch(/Port Authority uses a van that take/);
    expect(pub).toMatch(/taken around the device at 5 feet\./);
    expect(pub).toMatch(/The deployment log has no deployments yet/);
    expect(pub).toMatch(/no policy text/);
    const rso = await textOf("/rso/index.html");
    expect(rso).toMatch(/from 1 device\b/);
    expect(rso).toMatch(/status on 2026-11-30/);
    const compliance = await textOf("/rso/compliance.html");
    expect(compliance).toMatch(/\d+ checks: 0 within, 0 exceed, \d+ cannot be determined/);
  });

  it("prints the briefing with links to the programme's site, never to the build server", () => {
    const run = spawnSync("npx", ["tsx", "scripts/briefing-pdf.ts", DIST], {encoding: "utf8", env});
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(`${DIST}/council/briefing-a4.pdf`).toString("latin1");
    expect(pdf).not.toMatch(/127\.0\.0\.1/);
    expect(pdf).toMatch(/\/URI \(https:\/\/example\.org\/van\/council\/briefing\.html/);
  });
});
