// `xray-dose time-to-limit`: how long a person at a distance can stay before a dose limit is reached.
import {parseOptions, type Command} from "../command.js";
import {timeToLimit} from "../../lib/exposure/index.js";
import {
  EXIT_CODES_HELP, MODEL_SOURCE_HELP, MODEL_SOURCE_OPTIONS, budgetJson, budgetLines, candidates, formatDistance, formatDose, formatDuration,
  intervalOption, modelJson, modelLines, quantityOption, resolveModel, worstCase
} from "../model-input.js";
import {UsageError} from "../command.js";
import {uncertaintyBudget} from "../../lib/exposure/index.js";

const HELP = `Usage: xray-dose time-to-limit (--readings FILE | --reference "0.016 mrem in 10 s at 5 ft") --distance "5 ft"
                               --limit "1 mSv" [--model NAME] [--json]

How long a person at a distance can stay, in continuous exposure, before the 95% upper bound of the dose
reaches the limit.

${MODEL_SOURCE_HELP}
Question:
  --distance D           distance from the device's reference point, e.g. "5 ft"
  --limit L              dose limit, e.g. "1 mSv" or "100 mrem"
${EXIT_CODES_HELP}`;

export const timeToLimitCommand: Command = {
  name: "time-to-limit",
  summary: "how long a person at a distance can stay before a dose limit is reached (95% upper bound)",
  help: HELP,
  async run(args, io) {
    const {values} = parseOptions(args, {...MODEL_SOURCE_OPTIONS, distance: {type: "string"}, limit: {type: "string"}}, false);
    const distance_m = quantityOption(values, "distance", "length", "5 ft");
    const limit_uSv = quantityOption(values, "limit", "dose-equivalent", "1 mSv");
    const interval = intervalOption(values);
    const resolved = await resolveModel(values, io);
    const ask = (fit: Parameters<typeof timeToLimit>[0]) => {
      try {
        return timeToLimit(fit, {distance_m, limit_uSv}, {interval});
      } catch (error) {
        // A distance inside the offset model's pole: the model gives no dose there. A question the model cannot answer.
        if (error instanceof RangeError) throw new UsageError(`--distance: ${error.message}`);
        throw error;
      }
    };
    // The worst case is the shortest time.
    const {worst, rows} = worstCase(candidates(resolved, values.angle, values.sector), ask, (a) => -a.duration_s);
    const t = worst.answer;
    const budget = worst.candidate.fit.covariance !== null ? uncertaintyBudget(worst.candidate.fit, distance_m, interval) : null;

    if (values.json) {
      io.stdout(JSON.stringify({
        duration: {value: Number.isFinite(t.duration_s) ? t.duration_s : null, unit: "s"},
        pointDuration: {value: Number.isFinite(t.pointDuration_s) ? t.pointDuration_s : null, unit: "s"},
        distance: {value: distance_m, unit: "m"}, limit: {value: limit_uSv, unit: "uSv"},
        status: t.status, closerThanReadings: t.closerThanReadings, interval: t.interval,
        method: t.method, uncertaintyKnown: t.uncertaintyKnown, extrapolated: t.extrapolated, budget: budgetJson(budget), ...modelJson(resolved, worst.candidate),
        byAngle: rows.map((r) => ({label: r.candidate.label, sector: r.candidate.sector, duration: {value: Number.isFinite(r.answer.duration_s) ? r.answer.duration_s : null, unit: "s"}}))
      }, null, 2));
      return 0;
    }
    const lines = [
      `At ${formatDistance(distance_m)}, the limit of ${formatDose(limit_uSv)} is reached after:`,
      `  ${formatDuration(t.duration_s)} on the 95% upper bound${t.uncertaintyKnown ? "" : " (uncertainty unknown: equals the estimate)"}`,
      `  ${formatDuration(t.pointDuration_s)} on the point estimate`
    ];
    if (t.closerThanReadings) lines.push(`Warning: ${formatDistance(distance_m)} is closer than any reading (${formatDistance(worst.candidate.fit.distanceRange_m![0])}); the model is extrapolated towards the device and the point may lie inside its body.`);
    else if (t.extrapolated) lines.push("Warning: the distance lies outside the fitted distances; the model is extrapolated.");
    if (rows.length > 1) {
      lines.push(`Worst of ${rows.length} fits (all angles and each angle sector): ${worst.candidate.label}. By angle, on the 95% upper bound:`);
      for (const r of rows) lines.push(`  ${r.candidate.label.padEnd(14)} ${formatDuration(r.answer.duration_s)}`);
    }
    if (budget) lines.push(...budgetLines(budget));
    io.stdout([...lines, ...modelLines(resolved, worst.candidate)].join("\n"));
    return 0;
  }
};
