// `xray-dose scenario`: dose to a person at a distance for a time, or for N scans of a dwell time.
import {parseOptions, UsageError, type Command} from "../command.js";
import {countOption} from "../options.js";
import {scenarioDose, type Scenario} from "../../lib/exposure/index.js";
import {fitAsField} from "../../lib/publish/device-models.js";
import {doseDistribution, type DoseDistribution} from "../../lib/simulation/index.js";
import {
  EXIT_CODES_HELP, EXIT_NO_ANSWER, MODEL_SOURCE_HELP, closerThanReadings, MODEL_SOURCE_OPTIONS, budgetJson, budgetLines, candidates, formatDistance, formatDose,
  formatDuration, intervalOption, modelJson, modelLines, quantityOption, resolveModel, worstCase
} from "../model-input.js";

const DEFAULT_DRAWS = 20_000;
const DEFAULT_SEED = 2026;

const HELP = `Usage: xray-dose scenario (--readings FILE | --reference "0.016 mrem in 10 s at 5 ft") --distance "10 ft"
                          (--duration "1 h" | --scans N --dwell "10 s") [--model NAME]
                          [--distribution [--draws N] [--seed N]] [--json]

Dose to a person standing at a distance, continuously for a duration or through N scans of a dwell time each,
with one-sided 95% bounds from the uncertainty budget (the fit, the instruments, and for one occasion the
variation between occasions), printed with the answer.

${MODEL_SOURCE_HELP}
Scenario:
  --distance D           distance from the device's reference point, e.g. "10 ft" or "3 m"
  --duration T           continuous exposure time, e.g. "1 h"
  --scans N --dwell T    N scans of T each (total exposure N x T)

Distribution (readings only):
  --distribution         also the Monte Carlo distribution of the dose for the fit the answer uses: every fitted
                         parameter drawn with its covariance, the instruments' calibration and energy response and,
                         for one occasion, the variation between occasions; its percentiles (the 95th is the Monte
                         Carlo counterpart of the 95% upper bound)
  --draws N              number of draws (default ${DEFAULT_DRAWS.toLocaleString("en-US")})
  --seed N               the draws' seed (default ${DEFAULT_SEED}): the same seed gives the same percentiles
${EXIT_CODES_HELP}`;

const PERCENTILES = [["p2_5", "2.5th"], ["p5", "5th"], ["p50", "50th"], ["p95", "95th"], ["p97_5", "97.5th"], ["p99", "99th"]] as const;

export const scenarioCommand: Command = {
  name: "scenario",
  summary: "dose at a distance for a time or a number of scans, with a 95% upper bound",
  help: HELP,
  async run(args, io) {
    const {values} = parseOptions(args, {
      ...MODEL_SOURCE_OPTIONS, distance: {type: "string"}, duration: {type: "string"}, scans: {type: "string"}, dwell: {type: "string"},
      distribution: {type: "boolean"}, draws: {type: "string"}, seed: {type: "string"}
    }, false);
    if (!values.distribution && (values.draws !== undefined || values.seed !== undefined)) throw new UsageError("--draws and --seed go with --distribution");
    // Up to a million draws (a few seconds, 8 MB of doses); any 32-bit seed.
    const draws = values.draws === undefined ? DEFAULT_DRAWS : countOption("draws", values.draws, 100, 1_000_000);
    const seed = values.seed === undefined ? DEFAULT_SEED : countOption("seed", values.seed, 0, 2 ** 32 - 1);
    const distance_m = quantityOption(values, "distance", "length", "10 ft");
    let scenario: Scenario;
    if (values.duration !== undefined) {
      if (values.scans !== undefined || values.dwell !== undefined) throw new UsageError("give either --duration or --scans with --dwell, not both");
      scenario = {distance_m, duration_s: quantityOption(values, "duration", "time", "1 h")};
    } else if (values.scans !== undefined) {
      // At most a scan a second for ten years: more is no screening programme.
      const scans = countOption("scans", values.scans, 1, 315_576_000);
      scenario = {distance_m, scans, dwell_s: quantityOption(values, "dwell", "time", "10 s")};
    } else {
      throw new UsageError('give the exposure time with --duration "1 h", or --scans N with --dwell "10 s"');
    }
    const interval = intervalOption(values);
    const resolved = await resolveModel(values, io);
    const {worst, rows} = worstCase(candidates(resolved, values.angle, values.sector), (fit) => scenarioDose(fit, scenario, {interval}), (d) => d.upper95_uSv);
    const dose = worst.answer;
    const finite = Number.isFinite(dose.upper95_uSv);
    let distribution: DoseDistribution | null = null;
    if (values.distribution && finite) {
      const fit = worst.candidate.fit;
      if (resolved.groups.length === 0 || !fit.converged || !fit.covariance) {
        throw new UsageError("--distribution needs --readings with a converged fit: a single reference figure has no uncertainty to draw from");
      }
      try {
        distribution = doseDistribution(fitAsField(fit), {distance_m, duration_s: dose.exposure_s, interval}, draws, seed);
      } catch (error) {
        // A fit whose covariance cannot be drawn from (not positive definite): say so, no stack trace.
        throw new UsageError(`--distribution: the ${fit.model} fit cannot be sampled: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    if (values.json) {
      io.stdout(JSON.stringify({
        dose: {value: dose.dose_uSv, unit: "uSv"}, upper95: {value: dose.upper95_uSv, unit: "uSv"}, lower95: {value: dose.lower95_uSv, unit: "uSv"},
        distance: {value: distance_m, unit: "m"}, exposure: {value: dose.exposure_s, unit: "s"},
        scans: "scans" in scenario ? scenario.scans : null, dwell: "dwell_s" in scenario ? {value: scenario.dwell_s, unit: "s"} : null,
        method: dose.method, uncertaintyKnown: dose.uncertaintyKnown, extrapolated: dose.extrapolated,
        closerThanReadings: closerThanReadings(worst.candidate.fit, distance_m), budget: budgetJson(dose.budget), ...modelJson(resolved, worst.candidate),
        byAngle: rows.map((r) => ({label: r.candidate.label, sector: r.candidate.sector, dose: {value: r.answer.dose_uSv, unit: "uSv"}, upper95: {value: r.answer.upper95_uSv, unit: "uSv"}})),
        ...(distribution ? {
          distribution: {
            fit: worst.candidate.label, interval, draws, seed, unit: "uSv", mean: distribution.mean, sd: distribution.sd,
            percentiles: Object.fromEntries(PERCENTILES.map(([key]) => [key, distribution.percentiles[key]])), redrawn: distribution.redrawn
          }
        } : {})
      }, null, 2));
      return finite ? 0 : EXIT_NO_ANSWER;
    }
    if (!finite) {
      io.stdout([`At ${formatDistance(distance_m)} the ${worst.candidate.fit.model} model gives an infinite dose: no answer can be given this close.`, ...modelLines(resolved, worst.candidate)].join("\n"));
      return EXIT_NO_ANSWER;
    }
    const what = "scans" in scenario ? `${scenario.scans} scans of ${formatDuration(scenario.dwell_s)} (${formatDuration(dose.exposure_s)} in all)` : formatDuration(dose.exposure_s);
    const lines = [
      `Dose at ${formatDistance(distance_m)} for ${what}:`,
      `  estimate        ${formatDose(dose.dose_uSv)}`,
      `  95% upper bound ${formatDose(dose.upper95_uSv)}${dose.uncertaintyKnown ? "" : "  (uncertainty unknown: equals the estimate)"}`,
      `  95% lower bound ${formatDose(dose.lower95_uSv)}`,
      ...budgetLines(dose.budget)
    ];
    if (closerThanReadings(worst.candidate.fit, distance_m)) lines.push(`Warning: ${formatDistance(distance_m)} is closer than any reading (${formatDistance(worst.candidate.fit.distanceRange_m![0])}); the model is extrapolated towards the device and the point may lie inside its body.`);
    else if (dose.extrapolated) lines.push("Warning: the distance lies outside the fitted distances; the model is extrapolated.");
    if (rows.length > 1) {
      lines.push(`Worst of ${rows.length} fits (all angles and each angle sector): ${worst.candidate.label}. By angle, 95% upper bound:`);
      for (const r of rows) lines.push(`  ${r.candidate.label.padEnd(14)} ${formatDose(r.answer.upper95_uSv)}`);
    }
    if (distribution) {
      lines.push(`Monte Carlo distribution (${draws.toLocaleString("en-US")} draws, seed ${seed}, ${interval === "prediction" ? "one occasion" : "the average over many occasions"}, fit ${worst.candidate.label}):`);
      for (const [key, label] of PERCENTILES) lines.push(`  ${`${label} percentile`.padEnd(17)} ${formatDose(distribution.percentiles[key])}`);
      lines.push(`  ${"mean".padEnd(17)} ${formatDose(distribution.mean)}`);
    }
    io.stdout([...lines, ...modelLines(resolved, worst.candidate)].join("\n"));
    return 0;
  }
};
