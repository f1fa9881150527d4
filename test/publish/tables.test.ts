// Every published table describes its own rows: a name for the download file, a title and a description for the
// Data page, and for each column a name the rows carry, a description, and the unit its name promises
// (rate_uSv_per_h is in uSv/h). Checked for both audiences on the restricted-data oracle's fixture.
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../lib/io/load-dataset.js";
import {publish} from "../../lib/publish/publication.js";
import {TEST_NOW} from "../clock.js";
import {ORACLE_DATA_DIR} from "../restricted-oracle.js";

const dataset = await loadDataset(ORACLE_DATA_DIR, {now: TEST_NOW});
const code = {package_version: "test", commit: null};

/** The unit a column's name promises: "_m" metres, "_uSv_per_h" µSv per hour, and so on; null for none. */
function unitOfName(name: string): string | null {
  const m = /_(uSv|km|m|s|h|deg|keV)(?:_per_(h|s))?$/.exec(name);
  return m ? (m[2] ? `${m[1]}/${m[2]}` : m[1]!) : null;
}

/**
 * The publication, made inside the test that asks for it (and kept for the next): a failure while publishing then
 * fails that test, where one during collection would only mark the file as broken (and mutation testing, which
 * counts failed tests, would not see it).
 */
const published = new Map<string, ReturnType<typeof publish>>();
function publishFor(audience: "public" | "internal"): ReturnType<typeof publish> {
  if (!published.has(audience)) published.set(audience, publish(dataset, audience, code, {now: TEST_NOW}));
  return published.get(audience)!;
}

describe.each(["public", "internal"] as const)("the %s build's tables", (audience) => {

  it("are the eighteen the Data page offers, each once", () => {
    expect(publishFor(audience).tables.map((t) => t.name)).toEqual([
      "readings", "excluded-readings", "period-totals", "output-constancy", "reading-groups", "flagged-readings", "fits", "policy-points", "exclusion", "verdicts",
      "claims", "limits", "everyday-doses", "deployments",
      "certificates", "instruments", "input-files", "problems"
    ]);
  });

  it("have a title, a description and rows to describe", () => {
    for (const t of publishFor(audience).tables) {
      expect(t.title.trim(), t.name).not.toBe("");
      expect(t.description.trim(), t.name).not.toBe("");
      expect(t.rows.length, t.name).toBeGreaterThan(0);
    }
  });

  it("describe every column, and only once", () => {
    for (const t of publishFor(audience).tables) {
      const names = t.columns.map((c) => c.name);
      expect(new Set(names).size, t.name).toBe(names.length);
      for (const c of t.columns) {
        expect(c.name, t.name).toMatch(/^[a-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$/);
        expect(c.description.trim(), `${t.name}.${c.name}`).not.toBe("");
      }
    }
  });

  it("give each row a value (or null) for every column", () => {
    for (const t of publishFor(audience).tables) {
      for (const row of t.rows) for (const c of t.columns) expect(Object.hasOwn(row, c.name), `${t.name}.${c.name}`).toBe(true);
    }
  });

  it("state the unit a column's name promises, and none where the name promises none", () => {
    for (const t of publishFor(audience).tables) for (const c of t.columns) expect(c.unit ?? null, `${t.name}.${c.name}`).toBe(unitOfName(c.name));
  });

  it("are listed in the publication with their row counts, and the readings with how many need review", () => {
    const {publication, tables} = publishFor(audience);
    const review = (rows: readonly Record<string, unknown>[]) => rows.filter((r) => r.status === "excluded" || r.status === "flagged" || r.status === "warned").length;
    expect(publication.tables).toEqual(tables.map((t) => ({
      name: t.name, title: t.title, description: t.description, rows: t.rows.length, ...(t.name === "readings" ? {needing_review: review(t.rows)} : {})
    })));
    expect(publication.tables.find((t) => t.name === "readings")!.needing_review).toBeGreaterThan(0);
  });
});

describe("the two builds differ only by the restricted columns", () => {
  const columns = (audience: "public" | "internal") => Object.fromEntries(publishFor(audience).tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
  it("adds the badge and the notes to the readings (all and flagged), the reviewer to the excluded readings, the operators and the notes to the deployments", () => {
    const pub = columns("public");
    const internal = columns("internal");
    for (const name of Object.keys(pub)) {
      const extra = internal[name]!.filter((c) => !pub[name]!.includes(c));
      expect(pub[name]!.filter((c) => !internal[name]!.includes(c)), name).toEqual([]);
      expect(extra, name).toEqual({
        readings: ["dosimeter_id", "notes"], "flagged-readings": ["dosimeter_id", "notes"], "excluded-readings": ["reviewed_by"], deployments: ["operators", "notes"]
      }[name] ?? []);
    }
  });
});

describe("what the tables say about the rows", () => {
  const table = (audience: "public" | "internal", name: string) => publishFor(audience).tables.find((t) => t.name === name)!;

  it("tell the public what the deployments table leaves out", () => {
    const t = table("public", "deployments");
    expect(t.description).toMatch(/operators, notes and restricted locations are not published/);
    expect(t.columns.find((c) => c.name === "location")!.description).toMatch(/empty where the log marks it restricted/);
    expect(table("internal", "deployments").description).toMatch(/with restricted fields \(internal build\)/);
  });

  it("give a deployment's beam-on time in hours and its operators as the log lists them", () => {
    // DEP-2025-015 in the fixture: beam_on_s 238, operators "Ysolde Brackenridge;OPB-77134".
    const row = table("internal", "deployments").rows.find((r) => r.deployment_id === "DEP-2025-015")!;
    expect(row.beam_on_h).toBeCloseTo(238 / 3600, 12);
    expect(row.operators).toBe("Ysolde Brackenridge; OPB-77134");
    expect(row.location).toBe("Safehouse annex, 19 Wrenfield Mews");
    expect(table("public", "deployments").rows.find((r) => r.deployment_id === "DEP-2025-015")!.location).toBeNull();
  });

  it("write each fitted parameter as name = value ± standard error and unit, separated by semicolons", () => {
    for (const row of table("public", "fits").rows.filter((r) => r.converged)) {
      for (const part of String(row.parameters).split("; ")) expect(part).toMatch(/^\w+ = -?[\d.]+(?:e[-+]\d+)? ± (?:[\d.]+(?:e[-+]\d+)?|unknown) \S+$/);
    }
  });

  it("give one verdict row per scenario and limit, with the scenario's numbers", () => {
    const {publication, tables} = publishFor("public");
    const rows = tables.find((t) => t.name === "verdicts")!.rows;
    expect(rows).toHaveLength(publication.scenarios.reduce((n, s) => n + s.verdicts.length, 0));
    const s = publication.scenarios[0]!;
    expect(rows[0]).toMatchObject({device_id: s.device_id, scenario_id: s.id, scenario: s.title, dose_uSv: s.dose_uSv, upper95_uSv: s.upper95_uSv, limit_id: s.verdicts[0]!.limit_id, verdict: s.verdicts[0]!.verdict});
  });
});
