// Everyday doses (data/everyday-doses.json): the anchors of plain-language comparisons, each with its source and grade.
import type {Problem} from "../io/index.js";
import {parseUnit, dimensionOf, convert, UnitError} from "../units/index.js";
import {FieldReader} from "./json-fields.js";
import {GRADES, roundOffNoise, type Grade} from "./limits.js";
import type {SourceId} from "../sources.js";

export const PER = ["hour", "day", "year"] as const;
export type Per = (typeof PER)[number];

export interface EverydayDose {
  id: string;
  anchor: string;
  value: number;
  /** Upper end when the sources give a range; null for a single value. */
  value_high: number | null;
  unit: string;
  /** The time the dose accrues over; null for an event (a flight, an X-ray). */
  per: Per | null;
  source: string;
  /** The ids of the sources in the bibliography (docs/sources.md); [] when no source was found. */
  sources: SourceId[];
  grade: Grade;
  note: string;
  /**
   * Words a policy may use for this dose ("a dental x-ray"), matched in its comparisons in words beside the referents
   * the check knows (lib/compliance/policy-comparisons.ts); optional, [] when absent.
   */
  phrases: string[];
  /** Derived on loading. */
  value_uSv: number;
  value_high_uSv: number | null;
}

/** Parse and validate data/everyday-doses.json; `required` ids (those a check relies on) must be present. */
export function loadEverydayDoses(text: string, file: string, required: readonly string[] = []): {doses: EverydayDose[]; problems: Problem[]} {
  const r = new FieldReader(file);
  const doses: EverydayDose[] = [];
  const root = r.parse(text);
  const top = root === undefined ? undefined : r.object(root, "$");
  const entries = top ? (r.array(top.doses, "$.doses") ?? []) : [];
  entries.forEach((raw, i) => {
    const path = `$.doses[${i}]`;
    const o = r.object(raw, path);
    if (!o) return;
    const before = r.problems.length;
    const id = r.string(o.id, `${path}.id`);
    const anchor = r.string(o.anchor, `${path}.anchor`);
    const value = r.positiveNumber(o.value, `${path}.value`);
    const value_high = o.value_high === undefined || o.value_high === null ? null : r.positiveNumber(o.value_high, `${path}.value_high`);
    if (value !== undefined && typeof value_high === "number" && value_high < value) {
      r.error(`${path}.value_high`, `must not be below value (${value}); swap them`);
    }
    const unit = r.string(o.unit, `${path}.unit`);
    const per = o.per === null ? null : r.oneOf(o.per, `${path}.per`, PER);
    const source = r.string(o.source, `${path}.source`);
    const sources = r.sourceIds(o.sources, `${path}.sources`);
    const grade = r.oneOf(o.grade, `${path}.grade`, GRADES);
    const note = r.string(o.note, `${path}.note`);
    const phrases = o.phrases === undefined ? [] : r.array(o.phrases, `${path}.phrases`)?.map((p, j) => r.string(p, `${path}.phrases[${j}]`));
    if (id !== undefined && doses.some((d) => d.id === id)) r.error(`${path}.id`, `"${id}" is used by an earlier entry; give each anchor its own id`);
    if (unit !== undefined) {
      try {
        if (dimensionOf(parseUnit(unit)) !== "dose-equivalent") r.error(`${path}.unit`, `"${unit}" is not a dose; use Sv or rem (e.g. "µSv", "mSv")`);
      } catch (error) {
        r.error(`${path}.unit`, `${error instanceof UnitError ? error.message : String(error)}; use Sv or rem (e.g. "µSv", "mSv")`);
      }
    }
    if (r.problems.length > before) return;
    doses.push({
      id: id!, anchor: anchor!, value: value!, value_high: value_high ?? null, unit: unit!, per: per ?? null, source: source!, sources: sources!,
      grade: grade!, note: note!, phrases: phrases as string[], value_uSv: roundOffNoise(convert(value!, unit!, "uSv")),
      value_high_uSv: typeof value_high === "number" ? roundOffNoise(convert(value_high, unit!, "uSv")) : null
    });
  });
  // Only an id no entry names is missing: an entry that names it but was refused has its own problems already.
  for (const id of required) {
    if (!entries.some((e) => (e as {id?: unknown})?.id === id)) {
      r.error("$.doses", `has no entry with id "${id}", which the policy check needs; add it with its value, unit, source and grade`);
    }
  }
  return {doses, problems: r.problems};
}
