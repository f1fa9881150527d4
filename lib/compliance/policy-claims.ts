// The policy claims check: every quantitative statement of the policy's health-and-safety section, quoted exactly,
// checked for units that agree, agreement with each other and with physics, comparisons in words against cited
// everyday doses, and (given a fitted model) the field data. Each check yields consistent, inconsistent or
// unsupported with its numbers.
import {convert} from "../units/index.js";
import type {EverydayDose} from "./everyday.js";
import type {Estimator} from "./scenarios.js";
import {formatMicrosievert} from "./verdict.js";
import {citeIds} from "../sources.js";

export const POLICY_FILE = "mobile-xray-impact-and-use-policy.txt";
export const HEALTH_AND_SAFETY = "HEALTH & SAFETY REPORTING";
export const SUMMARY_OF_CHANGES = "SUMMARY OF CHANGES BETWEEN DRAFT & FINAL POLICY";

export type ClaimVerdict = "consistent" | "inconsistent" | "unsupported";

export interface ClaimResult {
  id: string;
  /** Exactly as in the policy text. */
  quote: string;
  section: string;
  /** What was checked about the quote (one quote can be checked several ways). */
  check: string;
  verdict: ClaimVerdict;
  explanation: string;
  /** The numbers the explanation rests on, in the units their names state. */
  numbers: Record<string, number | string | null>;
}

/** The everyday-dose anchors (data/everyday-doses.json ids) this check compares with. */
export const REQUIRED_ANCHORS = ["natural-background-day", "cosmic-at-cruise", "flight-new-york-los-angeles", "day-in-rocky-mountains"] as const;

/** Dose to cargo or an occupant per scan: the manufacturer's statement [ASE-2015]. */
export const MANUFACTURER_PER_SCAN = {
  value_uSv: 0.1,
  stated: "< 0.1 µSv per scan at an average 5 km/h and a scan distance of 1.5 m, likened to about two minutes of flying",
  source: "manufacturer's statement, quoted second-hand (2015) [ASE-2015]",
  grade: "C"
} as const;

/**
 * Dry air, NIST mass attenuation μ/ρ at 20 keV and 150 keV (cm²/g), and its density ρ = 1.205e-3 g/cm³ near sea
 * level [NIST-SRD-126]. The ends of the plausible spectrum bound the attenuation whatever the
 * effective energy (itself only a grade C estimate, about 60 keV [Rez-ASU]).
 */
const AIR = {mu_rho_20keV_cm2_per_g: 0.7779, mu_rho_150keV_cm2_per_g: 0.1356, rho_g_per_cm3: 1.205e-3, source: "NIST X-ray mass attenuation tables (dry air), grade A [NIST-SRD-126]"};

const Q = {
  standards:
    "The x-ray levels needed for NYPD mobile x-ray technology to function is measured according to well-established guidelines and procedures established by the American National Standards Institute (ANSI), the European Atomic Energy Community (Euratom), and the International Commission on Radiological Protection (ICRP).",
  background: "The level of radiation used by NYPD mobile x-ray technology is no more than the background radiation emitted by natural sources that the average person is exposed to.",
  flight: "The exposure to a person directly scanned by the device is similar to exposure received during a short plane flight",
  rocky: "The exposure to a person directly scanned by the device is similar to exposure received during a short plane flight or by spending a day in the Rocky Mountains.",
  fiveFeet: "Total exposure at five (5) feet away from the device for ten (10) seconds is between 0.016 mrem (or 16 urem/microrem) and 0.009 mrem (or 3 urem).",
  tenFeet: "Total exposure at ten (10) feet away from the device for ten (10) seconds is between 0.004 mrem (or 4 urem) and 0.003 mrem (or 0.3 uR).",
  trivial: "The health risk to a person exposed to NYPD mobile x-ray technology is considered trivial by the ICRP.",
  centre: "Added language detailing radiation exposure measurements recorded five (5) and ten (10) feet away from the center of the device."
} as const;

/** The policy's figures as written: value, unit and the text they appear as (for the verbatim test). */
interface Figure {
  text: string;
  value: number;
  unit: "mrem" | "urem" | "uR";
  /** Decimal places as written: the figure is known to ± half a unit in the last place. */
  decimals: number;
}
const fig = (text: string, value: number, unit: Figure["unit"], decimals: number): Figure => ({text, value, unit, decimals});

/** At 5 ft and 10 ft for 10 s: [upper figure, its parenthetical], [lower figure, its parenthetical]. */
export const POLICY_FIGURES = {
  fiveFeet: {distance_ft: 5, duration_s: 10, high: [fig("0.016 mrem", 0.016, "mrem", 3), fig("16 urem", 16, "urem", 0)], low: [fig("0.009 mrem", 0.009, "mrem", 3), fig("3 urem", 3, "urem", 0)]},
  tenFeet: {distance_ft: 10, duration_s: 10, high: [fig("0.004 mrem", 0.004, "mrem", 3), fig("4 urem", 4, "urem", 0)], low: [fig("0.003 mrem", 0.003, "mrem", 3), fig("0.3 uR", 0.3, "uR", 1)]}
} as const;

/** "Similar" in a comparison in words: within this factor either way. */
export const SIMILAR = 3;
const similar = (ratio: number) => ratio <= SIMILAR && ratio >= 1 / SIMILAR;

const halfUlp = (f: Figure) => 0.5 * 10 ** -f.decimals;
const uSv = (f: Figure) => convert(f.value, f.unit === "uR" ? "urem" : f.unit, "uSv");
const urem = (value: number, unit: string) => Number(convert(value, unit, "urem").toPrecision(12));
const uSvText = (v: number) => formatMicrosievert(v);
const r3 = (v: number) => Number(v.toPrecision(3));

export interface PolicyCheckInput {
  everyday: readonly EverydayDose[];
  /** A fitted model's dose estimator; without it the field-data checks are unsupported. */
  estimate?: Estimator;
}

export function checkPolicyClaims(input: PolicyCheckInput): ClaimResult[] {
  const anchor = (id: (typeof REQUIRED_ANCHORS)[number]) => {
    const a = input.everyday.find((d) => d.id === id);
    if (!a) throw new Error(`everyday dose "${id}" is missing: load data/everyday-doses.json with REQUIRED_ANCHORS`);
    return a;
  };
  const bg = anchor("natural-background-day");
  const cruise = anchor("cosmic-at-cruise");
  const nyla = anchor("flight-new-york-los-angeles");
  const rocky = anchor("day-in-rocky-mountains");
  const cite = (a: EverydayDose) => `${a.source}${citeIds(a.sources)}, grade ${a.grade}`;

  const five = POLICY_FIGURES.fiveFeet;
  const ten = POLICY_FIGURES.tenFeet;
  const fiveHigh_uSv = uSv(five.high[0]);
  const tenHigh_uSv = uSv(ten.high[0]);
  const claims: ClaimResult[] = [];

  claims.push({
    id: "standards-named",
    quote: Q.standards,
    section: HEALTH_AND_SAFETY,
    check: "Are the standards and the measurement identified?",
    verdict: "unsupported",
    explanation:
      "The statement names bodies, not documents, editions, clauses or a measurement report, so it cannot be checked. " +
      "The ANSI standard for a vehicle backscatter van is ANSI/HPS N43.16-2021 [ANSI-N43.16], whose numeric limits are not publicly available; " +
      "ANSI/HPS N43.17-2009 [ANSI-N43.17] sets 0.25 µSv per screening for people screened (grade B summary). Euratom (2013/59, Art. 22) [Euratom-2013-59] and ICRP (103, 125) [ICRP-103] [ICRP-125] " +
      "set justification, optimisation and dose limits (1 mSv a year for the public), not measurement procedures. No third-party measurement is cited.",
    numbers: {N43_17_per_screening_uSv: 0.25, public_annual_limit_uSv: 1000}
  });

  // A level is a rate; the only rates the policy gives are its 10-second figures.
  const rate5_uSv_per_h = (fiveHigh_uSv / five.duration_s) * 3600;
  const rate10_uSv_per_h = (tenHigh_uSv / ten.duration_s) * 3600;
  const bgLow_uSv_per_h = bg.value_uSv / 24;
  const bgHigh_uSv_per_h = (bg.value_high_uSv ?? bg.value_uSv) / 24;
  const minutes = (dose_uSv: number, rate_uSv_per_h: number) => (dose_uSv / rate_uSv_per_h) * 60;
  claims.push({
    id: "background-comparison",
    quote: Q.background,
    section: HEALTH_AND_SAFETY,
    check: "Is the radiation level no more than natural background?",
    verdict: rate5_uSv_per_h > bgHigh_uSv_per_h ? "inconsistent" : "consistent",
    explanation:
      `The statement gives no period, and the policy's own figures contradict it as a level. ${five.high[0].text} (${uSvText(fiveHigh_uSv)}) in 10 s at 5 ft is a rate of ` +
      `${r3(rate5_uSv_per_h)} µSv/h, ${r3(rate5_uSv_per_h / bgHigh_uSv_per_h)} to ${r3(rate5_uSv_per_h / bgLow_uSv_per_h)} times the natural background rate of ` +
      `${r3(bgLow_uSv_per_h)} to ${r3(bgHigh_uSv_per_h)} µSv/h (${bg.value} to ${bg.value_high} µSv a day; ${cite(bg)}); at 10 ft it is ${r3(rate10_uSv_per_h)} µSv/h. ` +
      `As a dose, one 10-second exposure (${uSvText(fiveHigh_uSv)}) is ${r3((fiveHigh_uSv / (bg.value_high_uSv ?? bg.value_uSv)) * 100)} to ${r3((fiveHigh_uSv / bg.value_uSv) * 100)} % of a day's background, ` +
      `but a person at 5 ft receives a whole day's background after ${r3(minutes(bg.value_uSv, rate5_uSv_per_h))} to ${r3(minutes(bg.value_high_uSv ?? bg.value_uSv, rate5_uSv_per_h))} minutes of beam-on time ` +
      `(${r3(minutes(bg.value_uSv, rate10_uSv_per_h))} to ${r3(minutes(bg.value_high_uSv ?? bg.value_uSv, rate10_uSv_per_h))} minutes at 10 ft): the statement holds only for exposures of a few minutes.`,
    numbers: {rate_5ft_uSv_per_h: r3(rate5_uSv_per_h), rate_10ft_uSv_per_h: r3(rate10_uSv_per_h), background_low_uSv_per_h: r3(bgLow_uSv_per_h), background_high_uSv_per_h: r3(bgHigh_uSv_per_h)}
  });

  // A "short" flight is taken as one hour at cruise: the shortest trip with time at altitude. "Similar" is read
  // generously as within a factor of SIMILAR either way.
  const shortFlight_uSv = cruise.value_uSv * 1;
  const flightRatio = shortFlight_uSv / MANUFACTURER_PER_SCAN.value_uSv;
  const scanMinutesOfCruise = (MANUFACTURER_PER_SCAN.value_uSv / cruise.value_uSv) * 60;
  claims.push({
    id: "direct-scan-flight",
    quote: Q.flight,
    section: HEALTH_AND_SAFETY,
    check: "Does a direct scan compare with a short plane flight?",
    verdict: similar(flightRatio) ? "consistent" : "inconsistent",
    explanation:
      `The policy gives no dose for a person directly scanned; the only per-scan figure is the manufacturer's ${MANUFACTURER_PER_SCAN.stated} (${MANUFACTURER_PER_SCAN.source}, grade ${MANUFACTURER_PER_SCAN.grade}). ` +
      `At the cosmic dose rate at cruise of ${cruise.value} µSv/h (${cite(cruise)}) that is ${r3(scanMinutesOfCruise)} minute(s) of flying, while a one-hour flight gives about ${uSvText(shortFlight_uSv)} ` +
      `(${r3(shortFlight_uSv / MANUFACTURER_PER_SCAN.value_uSv)} times more) and New York – Los Angeles about ${nyla.value} µSv (${r3(nyla.value_uSv / MANUFACTURER_PER_SCAN.value_uSv)} times more; ${cite(nyla)}). ` +
      (similar(flightRatio)
        ? `The two are within a factor of ${SIMILAR}, so the comparison holds. `
        : `The comparison overstates the per-scan dose by a factor of ${r3(flightRatio)} or more, far beyond "similar" (within a factor of ${SIMILAR}), so it does not hold as stated, though it errs on the side of caution. `) +
      "No measurement of a directly scanned person is in the field data.",
    numbers: {manufacturer_per_scan_uSv: MANUFACTURER_PER_SCAN.value_uSv, cruise_uSv_per_h: cruise.value_uSv, one_hour_flight_uSv: shortFlight_uSv, new_york_los_angeles_uSv: nyla.value_uSv}
  });

  claims.push({
    id: "direct-scan-rocky-mountains",
    quote: Q.rocky,
    section: HEALTH_AND_SAFETY,
    check: "Does a direct scan compare with a day in the Rocky Mountains?",
    // A comparison resting on a grade C figure on both sides cannot be called consistent or inconsistent.
    verdict: rocky.grade === "C" ? "unsupported" : similar(rocky.value_uSv / MANUFACTURER_PER_SCAN.value_uSv) ? "consistent" : "inconsistent",
    explanation:
      `The extra dose of a day in the Rocky Mountains is taken as ${rocky.value} to ${rocky.value_high ?? rocky.value} µSv of extra cosmic dose (${rocky.source}; grade ${rocky.grade}). ` +
      `Against the manufacturer's per-scan figure (< ${MANUFACTURER_PER_SCAN.value_uSv} µSv, grade ${MANUFACTURER_PER_SCAN.grade}) such a day is ${r3(rocky.value_uSv / MANUFACTURER_PER_SCAN.value_uSv)} to ` +
      `${r3((rocky.value_high_uSv ?? rocky.value_uSv) / MANUFACTURER_PER_SCAN.value_uSv)} times more` +
      (rocky.grade === "C" ? ", but neither side of the comparison rests on a reliable source, so it can be neither confirmed nor refuted." : "."),
    numbers: {rocky_extra_low_uSv_per_day: rocky.value_uSv, rocky_extra_high_uSv_per_day: rocky.value_high_uSv, manufacturer_per_scan_uSv: MANUFACTURER_PER_SCAN.value_uSv}
  });

  for (const [id, quote, f] of [["units-5ft", Q.fiveFeet, five], ["units-10ft", Q.tenFeet, ten]] as const) {
    claims.push(unitsClaim(id, quote, f.distance_ft, [f.high, f.low]));
  }

  claims.push(inverseSquareClaim("inverse-square-upper", "upper", five.high[0], ten.high[0]));
  claims.push(inverseSquareClaim("inverse-square-lower", "lower", five.low[0], ten.low[0]));

  // L13 of data/limits.json: NCRP negligible individual dose, 10 µSv a year per source or practice (grade B) [NCRP-116].
  const negligible_uSv = 10;
  claims.push({
    id: "trivial-by-icrp",
    quote: Q.trivial,
    section: HEALTH_AND_SAFETY,
    check: "Does the ICRP call this risk trivial?",
    verdict: "unsupported",
    explanation:
      "Neither per-scan numbers nor the word \"trivial\" were found in ICRP Publication 125 (security screening) [ICRP-125] or ICRP 103 [ICRP-103]; the ICRP treats security screening as a planned exposure " +
      "that must be justified and optimised, with the public limit of 1 mSv a year. The nearest published idea is the NCRP's negligible individual dose of 10 µSv a year per source (L13, grade B) [NCRP-116], " +
      `which is not the ICRP's. At the policy's 5 ft figure (${uSvText(fiveHigh_uSv)} per 10 s) that level is reached after ${r3(negligible_uSv / fiveHigh_uSv)} such exposures, ` +
      `${r3(((negligible_uSv / fiveHigh_uSv) * 10) / 60)} minutes of beam-on time.`,
    numbers: {negligible_dose_uSv_per_year: negligible_uSv, five_ft_10s_uSv: fiveHigh_uSv}
  });

  claims.push(fieldClaim("field-data-5ft", Q.fiveFeet, five, input.estimate));
  claims.push(fieldClaim("field-data-10ft", Q.tenFeet, ten, input.estimate));
  return claims;
}

/** Each figure against its parenthetical: equal within rounding of the last written digit. */
function unitsClaim(id: string, quote: string, distance_ft: number, pairs: readonly (readonly [Figure, Figure])[]): ClaimResult {
  const findings: string[] = [];
  const numbers: ClaimResult["numbers"] = {};
  let ok = true;
  for (const [main, alt] of pairs) {
    const main_urem = urem(main.value, main.unit);
    numbers[`${main.text} in urem`] = main_urem;
    if (alt.unit === "uR") {
      // Exposure is not dose: diagnostic-energy rule of thumb, 1 R ≈ 1 rem within about 10 % (a textbook rule whose source
      // is not yet recorded: docs/sources.md, "Facts used without a traced source").
      const tolerance = Math.max(halfUlp(alt), 0.1 * main_urem);
      const agrees = Math.abs(alt.value - main_urem) <= tolerance;
      ok &&= agrees;
      findings.push(
        `${main.text} is ${main_urem} µrem; "${alt.text}" is an exposure, not a dose, and mixes roentgen with rem. Even taking 1 µR ≈ 1 µrem (about 10 %, diagnostic-energy X-rays), ` +
          `${alt.text} ≈ ${alt.value} µrem, ${agrees ? "which agrees" : `${r3(main_urem / alt.value)} times less than ${main_urem} µrem`}.`
      );
    } else {
      const agrees = Math.abs(alt.value - main_urem) <= halfUlp(alt);
      ok &&= agrees;
      findings.push(`${main.text} is ${main_urem} µrem: "${alt.text}" ${agrees ? "agrees" : `does not (${main_urem} µrem is ${r3(main_urem / alt.value)} times ${alt.value} µrem)`}.`);
    }
  }
  return {
    id,
    quote,
    section: HEALTH_AND_SAFETY,
    check: `Do the units inside the ${distance_ft} ft statement agree?`,
    verdict: ok ? "consistent" : "inconsistent",
    explanation: `1 mrem = 1000 µrem = 10 µSv (10 CFR 20.1004) [10CFR20]. ${findings.join(" ")}`,
    numbers
  };
}

/**
 * 5 ft → 10 ft under the inverse square law: a ratio of 1/4, times air attenuation over the extra 5 ft (between
 * 0.87 at 20 keV and 0.98 at 150 keV). The policy's figures allow a range of ratios through rounding of their last
 * digit; they are consistent if that range meets the physical one.
 */
function inverseSquareClaim(id: string, which: "upper" | "lower", near: Figure, far: Figure): ClaimResult {
  const extra_cm = convert(10 - 5, "ft", "cm");
  const attenuation20 = Math.exp(-AIR.mu_rho_20keV_cm2_per_g * AIR.rho_g_per_cm3 * extra_cm);
  const attenuation150 = Math.exp(-AIR.mu_rho_150keV_cm2_per_g * AIR.rho_g_per_cm3 * extra_cm);
  const physicalLow = 0.25 * attenuation20;
  const physicalHigh = 0.25;
  const stated = far.value / near.value;
  const statedLow = (far.value - halfUlp(far)) / (near.value + halfUlp(near));
  const statedHigh = (far.value + halfUlp(far)) / (near.value - halfUlp(near));
  const consistent = statedLow <= physicalHigh && statedHigh >= physicalLow;
  return {
    id,
    quote: `${Q.fiveFeet} ${Q.tenFeet}`,
    section: HEALTH_AND_SAFETY,
    check: `Do the ${which} figures at 5 ft and 10 ft follow the inverse square law?`,
    verdict: consistent ? "consistent" : "inconsistent",
    explanation:
      `Doubling the distance from a point source (the policy's summary of changes places the measurements "${"five (5) and ten (10) feet away from the center of the device"}") quarters the dose: ` +
      `the ratio 10 ft ÷ 5 ft should be 0.25, or ${r3(physicalLow)} to 0.25 with air attenuating over the extra 5 ft (${r3(attenuation20)} at 20 keV, ${r3(attenuation150)} at 150 keV; ${AIR.source}). ` +
      `The ${which} figures give ${far.text} ÷ ${near.text} = ${r3(stated)}, or ${r3(statedLow)} to ${r3(statedHigh)} allowing for rounding of the last digit. ` +
      (consistent
        ? "This agrees with the inverse square law."
        : "This does not agree: a ratio above 1/4 would need a source extended over a size comparable to the distances, or a different measurement geometry, which the policy does not state; its upper figures follow 1/4 exactly."),
    numbers: {stated_ratio: r3(stated), stated_ratio_low: r3(statedLow), stated_ratio_high: r3(statedHigh), physical_ratio_low: r3(physicalLow), physical_ratio_high: physicalHigh}
  };
}

/** The stated range at a distance (the mrem figures, stated first) against the fitted model's 95 % interval. */
function fieldClaim(id: string, quote: string, f: (typeof POLICY_FIGURES)[keyof typeof POLICY_FIGURES], estimate: Estimator | undefined): ClaimResult {
  const distance_m = convert(f.distance_ft, "ft", "m");
  const statedLow_uSv = uSv(f.low[0]);
  const statedHigh_uSv = uSv(f.high[0]);
  const base = {id, quote, section: HEALTH_AND_SAFETY, check: `Do the field data support the ${f.distance_ft} ft figures?`};
  const range = `${f.low[0].text} to ${f.high[0].text} (${uSvText(statedLow_uSv)} to ${uSvText(statedHigh_uSv)})`;
  const numbers = {distance_m: r3(distance_m), duration_s: f.duration_s, stated_low_uSv: statedLow_uSv, stated_high_uSv: statedHigh_uSv};
  if (!estimate) {
    return {...base, verdict: "unsupported", explanation: `No field readings were given, so the stated ${range} at ${f.distance_ft} ft (${r3(distance_m)} m) for ${f.duration_s} s cannot be compared with data; run with a fitted model of the readings.`, numbers};
  }
  const e = estimate({distance_m, duration_s: f.duration_s});
  if (!e.determinable || e.upper95_uSv === null) {
    return {...base, verdict: "unsupported", explanation: `The field data could not give a dose at ${r3(distance_m)} m for ${f.duration_s} s (${e.reason ?? "no upper bound"}), so the stated ${range} cannot be checked.`, numbers};
  }
  // Without a lower bound the data cannot rule out lower doses: only a model interval that misses the range counts.
  const lower = e.lower95_uSv ?? 0;
  const overlaps = lower <= statedHigh_uSv && e.upper95_uSv >= statedLow_uSv;
  const modelText = `${e.dose_uSv === null ? "no point estimate" : uSvText(e.dose_uSv)}, 95 % interval ${uSvText(lower)} to ${uSvText(e.upper95_uSv)}`;
  const side = e.upper95_uSv < statedLow_uSv ? "below" : "above";
  return {
    ...base,
    verdict: overlaps ? "consistent" : "inconsistent",
    explanation:
      `The policy states ${range} at ${f.distance_ft} ft (${r3(distance_m)} m) for ${f.duration_s} s, taking its mrem figures (its parenthetical figures disagree with them). ` +
      `The field data give ${modelText}${e.reason ? ` (${e.reason})` : ""}: ${overlaps ? "the interval overlaps the stated range, so the data support it" : `the whole interval lies ${side} the stated range, so the data contradict it`}.`,
    numbers: {...numbers, model_dose_uSv: e.dose_uSv, model_lower95_uSv: e.lower95_uSv ?? null, model_upper95_uSv: e.upper95_uSv}
  };
}

/** The quotes of these claims that do not appear verbatim in a policy text (empty when all do). */
export function missingQuotes(policyText: string, claims: readonly {quote: string}[]): string[] {
  const text = policyText.replace(/\r\n/g, "\n");
  return [...new Set(claims.map((c) => c.quote).filter((q) => !text.includes(q)))];
}

/** The summary-of-changes sentence that places the 5 ft and 10 ft measurements at the device's center. */
export const CENTRE_QUOTE = {quote: Q.centre, section: SUMMARY_OF_CHANGES} as const;
