// dataset.json: every field checked, every mistake located by its JSON path with what to write instead.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {PLACEHOLDER, parseManifest} from "../../lib/programme/manifest.js";

const LIMITS = ["L5", "L6", "L13"];
const VALID = {
  programme: "Mobile X-ray van",
  agency: "City police department",
  jurisdiction: "Washington State, USA",
  limits: ["L5", "L6"],
  synthetic: false,
  description: "Field readings of the city's van, 2026.",
  site_url: "https://example.org/xray"
};
const read = (value: unknown) => parseManifest(JSON.stringify(value), "prog/dataset.json", LIMITS);
const errorsOf = (value: unknown) => read(value).problems.filter((p) => p.severity === "error").map((p) => [p.column, p.message]);

describe("parseManifest", () => {
  it("reads a valid manifest, the site address ending in a slash", () => {
    expect(read(VALID)).toEqual({manifest: {...VALID, site_url: "https://example.org/xray/"}, problems: []});
    expect(read({...VALID, site_url: null}).manifest?.site_url).toBeNull();
  });

  it("reads the shipped sample's manifest against the shipped limits", () => {
    const ids = (JSON.parse(readFileSync("data/limits.json", "utf8")) as {limits: {id: string}[]}).limits.map((l) => l.id);
    const {manifest, problems} = parseManifest(readFileSync("data/dataset.json", "utf8"), "data/dataset.json", ids);
    expect(problems).toEqual([]);
    expect(manifest).toMatchObject({synthetic: true, limits: ids, site_url: null});
  });

  it.each([
    ["programme", undefined, /^is missing; write the programme's name/],
    ["agency", "", /^must be a non-empty text/],
    ["jurisdiction", 3, /^must be a non-empty text, found 3/],
    ["synthetic", "no", /^must be true or false/],
    ["description", null, /^must be a non-empty text/],
    ["limits", [], /^is empty: with no limits no verdict can be given/],
    ["limits", "L5", /^must be a JSON array/],
    ["site_url", undefined, /^is missing; write the address the public site is published at/],
    ["site_url", "example.org", /is not an absolute address/],
    ["site_url", "ftp://example.org/", /is not a web address/],
    ["site_url", "https://example.org/?page=1", /has a query or fragment/]
  ])("refuses %s = %j", (field, value, message) => {
    const manifest: Record<string, unknown> = {...VALID, [field]: value};
    if (value === undefined) delete manifest[field];
    const errors = errorsOf(manifest);
    expect(errors).toEqual([[`$.${field}`, expect.stringMatching(message)]]);
    expect(read(manifest).manifest).toBeNull();
  });

  it("refuses limits that limits.json does not define, or lists twice, naming the position", () => {
    expect(errorsOf({...VALID, limits: ["L5", "L99", "L5"]})).toEqual([
      ["$.limits[1]", `"L99" is not a limit in limits.json; the limits there are L5, L6, L13`],
      ["$.limits[2]", `"L5" is listed twice; list each limit once`]
    ]);
  });

  it("refuses a placeholder that xray-dose init left, and warns about an unknown field", () => {
    const {problems} = read({...VALID, agency: `${PLACEHOLDER}: who runs the programme`, programe: "typo"});
    expect(problems).toEqual([
      {severity: "warning", code: "unknown-property", file: "prog/dataset.json", column: "$.programe", message: expect.stringMatching(/is not a field of dataset.json and is ignored \(a typo\?\)/)},
      {severity: "error", file: "prog/dataset.json", column: "$.agency", message: expect.stringMatching(/^still holds the placeholder "EDIT ME: who runs the programme"; write who runs the programme/)}
    ]);
  });

  it("reports a JSON syntax error, and does not check limit ids when limits.json could not be read", () => {
    expect(parseManifest("{", "d.json", LIMITS).problems).toEqual([expect.objectContaining({column: "$", message: expect.stringMatching(/^is not valid JSON/)})]);
    expect(parseManifest(JSON.stringify({...VALID, limits: ["L99"]}), "d.json", null).manifest?.limits).toEqual(["L99"]);
  });
});
