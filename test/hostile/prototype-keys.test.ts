// Every JSON reader against prototype-polluting keys ("__proto__", "constructor", "prototype") planted at any depth
// of a valid file. JSON.parse keeps such a key as an ordinary own property; a reader that copies keys with
// `object[key] = value` instead replaces an object's prototype, or (on a shared prototype) changes every object in
// the process. Each reader must: leave Object.prototype and Array.prototype as they were, return only plain objects
// and arrays, and either report the key or read the file exactly as it reads it without the key.
import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {cp, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parseCertificate, parseJsonWithPositions} from "../../lib/certificates/index.js";
import {loadEverydayDoses} from "../../lib/compliance/everyday.js";
import {loadLimits} from "../../lib/compliance/limits.js";
import {loadDataset} from "../../lib/io/load-dataset.js";
import {InputError, type Problem} from "../../lib/io/problems.js";
import {TEST_NOW} from "../clock.js";
import {ORACLE_DATA_DIR} from "../restricted-oracle.js";

const POLLUTING = ["__proto__", "constructor", "prototype"] as const;

const files = {
  certificate: readFileSync("test/fixtures/certificates/valid.json", "utf8"),
  limits: readFileSync("data/limits.json", "utf8"),
  everyday: readFileSync("data/everyday-doses.json", "utf8"),
  manifest: readFileSync(join(ORACLE_DATA_DIR, "dataset.json"), "utf8"),
  briefing: readFileSync(join(ORACLE_DATA_DIR, "briefing.json"), "utf8")
};

/** Positions just after each "{" that opens an object (not one inside a string). */
function objectStarts(text: string): number[] {
  const starts: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") starts.push(i + 1);
  }
  return starts;
}

/** A valid file with one polluting key (and a JSON value) added as the first property of one of its objects. */
interface Edit {text: string; key: string; nested: boolean}

function withPollutingKey(text: string): fc.Arbitrary<Edit> {
  const starts = objectStarts(text);
  return fc.tuple(fc.constantFrom(...starts), fc.constantFrom(...POLLUTING), fc.jsonValue({maxDepth: 2})).map(([at, key, value]) => {
    const isEmpty = /^\s*\}/.test(text.slice(at));
    return {text: `${text.slice(0, at)}${JSON.stringify(key)}: ${JSON.stringify(value)}${isEmpty ? "" : ","}${text.slice(at)}`, key, nested: false};
  });
}

/** The whole file moved under one polluting key: {"__proto__": {…the file…}}. */
function nestedUnder(text: string): fc.Arbitrary<Edit> {
  return fc.constantFrom(...POLLUTING).map((key) => ({text: `{${JSON.stringify(key)}: ${text}}`, key, nested: true}));
}

const prototypeState = () => [Object.getOwnPropertyNames(Object.prototype).sort(), Object.getOwnPropertyNames(Array.prototype).sort()];
const before = prototypeState();

/** Every object in a value is a plain object or an array (a replaced prototype shows here). */
function plainThroughout(value: unknown, path = "$"): string[] {
  if (value === null || typeof value !== "object") return [];
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return [`${path} has a replaced prototype`];
  return Object.entries(value).flatMap(([k, v]) => plainThroughout(v, `${path}.${k}`));
}

function mentions(problems: readonly Problem[], key: string): boolean {
  return problems.some((p) => `${p.column ?? ""} ${p.message}`.includes(key));
}

/**
 * Deep equality of JSON-like values by own keys and prototypes. (Vitest's toStrictEqual compares `.constructor`,
 * which an own "constructor" key changes, so it cannot judge these values.)
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The reader's result on the polluted text: refused, the key reported, or read exactly as without the key. */
function checkReader<R extends {problems: Problem[]}>(clean: string, read: (text: string) => R, value: (r: R) => unknown) {
  const reference = read(clean);
  return ({text, key}: Edit) => {
    const result = read(text);
    expect(prototypeState()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(plainThroughout(value(result))).toEqual([]);
    const refused = result.problems.some((p) => p.severity === "error");
    if (!refused && !mentions(result.problems, key)) expect(sameJson(value(result), value(reference))).toBe(true);
  };
}

const runs = {numRuns: 150};

describe("prototype-polluting keys in JSON", () => {
  it("parseJsonWithPositions keeps them as own keys, as JSON.parse does", () => {
    fc.assert(fc.property(fc.oneof(withPollutingKey(files.limits), withPollutingKey(files.certificate), nestedUnder("{}")), ({text}) => {
      expect(sameJson(parseJsonWithPositions(text).value, JSON.parse(text))).toBe(true);
      expect(prototypeState()).toEqual(before);
    }), runs);
  });

  it("regression (fast-check counterexample): {\"__proto__\":[]} keeps its key", () => {
    const {value} = parseJsonWithPositions('{"__proto__":[]}');
    expect(Object.keys(value as object)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(sameJson(value, JSON.parse('{"__proto__":[]}'))).toBe(true);
  });

  it("calibration certificates", () => {
    const read = (text: string) => parseCertificate(text, "c.json");
    fc.assert(fc.property(fc.oneof(withPollutingKey(files.certificate), nestedUnder(files.certificate)), checkReader(files.certificate, read, (r) => r.certificate)), runs);
  });

  it("the limits registry", () => {
    const read = (text: string) => loadLimits(text, "limits.json");
    fc.assert(fc.property(fc.oneof(withPollutingKey(files.limits), nestedUnder(files.limits)), checkReader(files.limits, read, (r) => [r.limits, r.alara, r.scenario_limits])), runs);
  });

  it("regression: a scenario named __proto__ in scenario_limits stays an own key", () => {
    const text = files.limits.replace('"scenario_limits": {', '"scenario_limits": {"__proto__": ["L5"],');
    const registry = loadLimits(text, "limits.json");
    expect(Object.getPrototypeOf(registry.scenario_limits)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(registry.scenario_limits, "__proto__")?.value).toEqual(["L5"]);
  });

  it("the everyday doses", () => {
    const read = (text: string) => loadEverydayDoses(text, "everyday-doses.json");
    fc.assert(fc.property(fc.oneof(withPollutingKey(files.everyday), nestedUnder(files.everyday)), checkReader(files.everyday, read, (r) => r.doses)), runs);
  });

  it("dataset.json and briefing.json, read with the whole data folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "proto-"));
    try {
      await cp(ORACLE_DATA_DIR, dir, {recursive: true});
      const load = async () => {
        try {
          const d = await loadDataset(dir, {now: TEST_NOW});
          return {manifest: d.manifest, previousBriefing: d.previousBriefing};
        } catch (error) {
          // Refusing the file is a right answer; only its form is checked.
          return {refused: error instanceof InputError ? "input error" : (error as Error).message.includes("dataset.json") ? "manifest" : String(error)};
        }
      };
      const reference = await load();
      await fc.assert(fc.asyncProperty(
        fc.oneof(fc.record({file: fc.constant("dataset.json"), edit: fc.oneof(withPollutingKey(files.manifest), nestedUnder(files.manifest))}),
          fc.record({file: fc.constant("briefing.json"), edit: fc.oneof(withPollutingKey(files.briefing), nestedUnder(files.briefing))})),
        async ({file, edit}) => {
          await writeFile(join(dir, file), edit.text);
          const result = await load();
          await writeFile(join(dir, file), files[file === "dataset.json" ? "manifest" : "briefing"]);
          expect(prototypeState()).toEqual(before);
          expect(plainThroughout(result)).toEqual([]);
          // A key nested around the whole file hides every field: the file is refused, or read as having none.
          if ("refused" in result) expect(["input error", "manifest"]).toContain(result.refused);
          else if (edit.nested && file === "dataset.json") expect.unreachable("a manifest with no fields was accepted");
          else if (!edit.nested) expect(sameJson(result, reference)).toBe(true);
        }), {numRuns: 25});
      expect(await readFile(join(dir, "dataset.json"), "utf8")).toBe(files.manifest);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
