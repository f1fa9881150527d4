// Every verdict the site would publish for a data folder, as one plain record: what `xray-dose compliance` prints and
// its --json output. Built from the same publication the site is built from, so the two never disagree.
import type {Period} from "../compliance/limits.js";
import type {Problem} from "../io/problems.js";
import type {Publication, PublishedVerdict} from "../publish/types.js";

/** The verdict as a person reads it. */
export type ReportVerdict = "within" | "exceeds" | "cannot be determined" | "below the reference level" | "above the reference level";

export interface ComplianceReport {
  data_dir: string;
  synthetic: boolean | null;
  programme: string | null;
  /** The day certificates and calibrations are judged on (the build's day: SOURCE_DATE_EPOCH or today). */
  as_of: string;
  /** The newest reading's date-time, as written. */
  data_as_of: string | null;
  devices: {
    device_id: string;
    readings: number;
    /** Readings set aside by a review (reviews.csv), counted in `readings` and left out of every fit. */
    excluded: number;
    deployments: number;
    certificate: "current" | "lapsed" | "missing";
    /** The model the device's figures use, or null when none could be fitted. */
    model: string | null;
    effective_energy_keV: number;
    effective_energy_assumed: boolean;
  }[];
  verdicts: {
    device_id: string;
    scenario_id: string;
    scenario: string;
    limit_id: string;
    limit_uSv: number | null;
    kind: string;
    /** The limit's averaging period in seconds: 3600 for "in any one hour", 31 536 000 (365 days) a calendar year, null per screening. */
    period_s: number | null;
    dose_uSv: number | null;
    upper95_uSv: number | null;
    verdict: ReportVerdict;
    margin: number | null;
    reason: string;
    assumptions: string[];
    /** Readings whose removal alone changes this verdict, and the verdict without each (lib/publish/influence.ts). */
    hinges_on: {reading_id: string; source: string; verdict_without: ReportVerdict}[];
  }[];
  /** Readings that alone move a published figure beyond its uncertainty or change a verdict, with their effects. */
  influence: Publication["influence"] | null;
  /** Every reading a review sets aside: the reading, the reason and day, and the review's file and line. */
  excluded: {reading_id: string; device_id: string; reason: string; reviewed_on: string; file: string; line: number; reading_source: string}[];
  problems: {severity: "error" | "warning"; file: string; line: number | null; column: string | null; message: string}[];
}

export const PERIOD_S: Record<Period, number | null> = {"per-screening": null, "any-one-hour": 3600, "calendar-year": 365 * 86_400};

const WORDS: Record<PublishedVerdict["verdict"], ReportVerdict> = {
  within: "within",
  exceeds: "exceeds",
  "cannot-be-determined": "cannot be determined",
  "below-reference": "below the reference level",
  "above-reference": "above the reference level"
};

type AnyProblem = Omit<Problem, "line" | "column"> & {line?: number | null; column?: string | null};

/**
 * `problems` are the folder's (when it could not be published), or the publication's own (which adds the day's lapsed
 * certificates); `periods` maps limit ids to their averaging periods.
 */
export function complianceReport(
  data_dir: string, as_of: string, publication: Publication | null, problems: readonly AnyProblem[], periods: ReadonlyMap<string, Period>
): ComplianceReport {
  return {
    data_dir,
    synthetic: publication?.synthetic ?? null,
    programme: publication?.programme ?? null,
    as_of,
    data_as_of: publication?.data_as_of ?? null,
    devices: (publication?.devices ?? []).map((d) => ({
      device_id: d.device_id, readings: d.readings, excluded: d.excluded, deployments: d.deployments, certificate: d.certificate, model: d.model,
      effective_energy_keV: d.effective_energy_keV, effective_energy_assumed: d.effective_energy_assumed
    })),
    verdicts: (publication?.scenarios ?? []).flatMap((s) => s.verdicts.map((v) => {
      const period = periods.get(v.limit_id);
      return {
        device_id: s.device_id, scenario_id: s.id, scenario: s.title, limit_id: v.limit_id, limit_uSv: v.limit_uSv, kind: v.kind,
        period_s: period === undefined ? null : PERIOD_S[period], dose_uSv: s.dose_uSv, upper95_uSv: s.upper95_uSv,
        verdict: WORDS[v.verdict], margin: v.margin, reason: v.explanation, assumptions: s.assumptions,
        hinges_on: (v.hinges_on ?? []).map((h) => ({
          reading_id: h.reading_id, source: h.source, verdict_without: WORDS[(h.verdict_without ?? "cannot-be-determined") as PublishedVerdict["verdict"]]
        }))
      };
    })),
    influence: publication?.influence ?? null,
    excluded: (publication?.reviews.excluded ?? []).map((e) => {
      const at = e.review.lastIndexOf(":");
      return {reading_id: e.reading_id, device_id: e.device_id, reason: e.reason, reviewed_on: e.reviewed_on, file: e.review.slice(0, at), line: Number(e.review.slice(at + 1)), reading_source: e.source};
    }),
    problems: problems.map((p) => ({severity: p.severity, file: p.file, line: p.line ?? null, column: p.column ?? null, message: p.message}))
  };
}
