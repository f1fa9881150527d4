// `xray-dose exclusion`: the smallest distance at which a dose limit over a period is met, on the 95 % upper bound.
import {parseOptions, type Command} from "../command.js";
import {MAX_SEARCH_DISTANCE_M, exclusionDistance} from "../../lib/exposure/index.js";
import {
  EXIT_CODES_HELP, EXIT_NO_ANSWER, MODEL_SOURCE_HELP, MODEL_SOURCE_OPTIONS, budgetJson, budgetLines, candidates, formatDistance, formatDose,
  formatDuration, intervalOption, modelJson, modelLines, quantityOption, resolveModel, worstCase
} from "../model-input.js";
import {uncertaintyBudget, type ExclusionDistance} from "../../lib/exposure/index.js";

const HELP = `Usage: xray-dose exclusion (--readings FILE | --reference "0.016 mrem in 10 s at 5 ft") --limit "2 mrem" --per "1 h"
                           [--model NAME] [--json]

The smallest distance beyond which a person present for the whole period receives no more than the limit,
computed on the 95% upper bound of the dose (e.g. 20 µSv in any one hour, 10 CFR 20.1301(a)(2)).

${MODEL_SOURCE_HELP}
Limit:
  --limit L              dose limit, e.g. "2 mrem" or "20 uSv"
  --per T                period of the limit, e.g. "1 h"
${EXIT_CODES_HELP}`;

/** One sentence for an exclusion distance, whatever its status: never "n/a", never a doubled word. */
function where(e: ExclusionDistance, distance_m: number | null): string {
  if (distance_m === null) return `not met within ${formatDistance(MAX_SEARCH_DISTANCE_M)}, the end of the search: the limit is still exceeded there`;
  if (distance_m === 0) return "met at every distance the model covers, even at the device's reference point";
  return `met beyond ${formatDistance(distance_m)}${e.closerThanReadings && distance_m === e.distance_m ? " (closer than any reading)" : ""}`;
}

export const exclusionCommand: Command = {
  name: "exclusion",
  summary: "smallest distance where a dose limit over a period is met (95% upper bound)",
  help: HELP,
  async run(args, io) {
    const {values} = parseOptions(args, {...MODEL_SOURCE_OPTIONS, limit: {type: "string"}, per: {type: "string"}}, false);
    const limit_uSv = quantityOption(values, "limit", "dose-equivalent", "2 mrem");
    const period_s = quantityOption(values, "per", "time", "1 h");
    const interval = intervalOption(values);
    const resolved = await resolveModel(values, io);
    const {worst, rows} = worstCase(candidates(resolved, values.angle, values.sector), (fit) => exclusionDistance(fit, {limit_uSv, period_s}, {interval}), (a) => a.distance_m ?? Infinity);
    const e = worst.answer;
    const budget = e.distance_m !== null && e.distance_m > 0 && worst.candidate.fit.covariance !== null ? uncertaintyBudget(worst.candidate.fit, e.distance_m, interval) : null;
    const code = e.status === "beyond-search-range" ? EXIT_NO_ANSWER : 0;

    if (values.json) {
      io.stdout(JSON.stringify({
        distance: {value: e.distance_m, unit: "m"}, pointDistance: {value: e.pointDistance_m, unit: "m"},
        limit: {value: limit_uSv, unit: "uSv"}, period: {value: period_s, unit: "s"},
        status: e.status, closerThanReadings: e.closerThanReadings, interval: e.interval,
        method: e.method, uncertaintyKnown: e.uncertaintyKnown, extrapolated: e.extrapolated, budget: budgetJson(budget), ...modelJson(resolved, worst.candidate),
        byAngle: rows.map((r) => ({label: r.candidate.label, sector: r.candidate.sector, status: r.answer.status, distance: {value: r.answer.distance_m, unit: "m"}}))
      }, null, 2));
      return code;
    }
    const lines = [
      `Limit ${formatDose(limit_uSv)} per ${formatDuration(period_s)} of continuous presence (${interval === "prediction" ? "one occasion" : "the average over many occasions"}):`,
      `  on the 95% upper bound: ${where(e, e.distance_m)}${e.uncertaintyKnown ? "" : " (uncertainty unknown: equals the estimate)"}`,
      `  on the point estimate:  ${where(e, e.pointDistance_m)}`
    ];
    if (e.closerThanReadings) lines.push(`Warning: that distance is closer than any reading (${formatDistance(worst.candidate.fit.distanceRange_m![0])}); the model is extrapolated towards the device and the point may lie inside its body.`);
    else if (e.extrapolated && e.status === "found") lines.push("Warning: the distance lies outside the fitted distances; the model is extrapolated.");
    if (rows.length > 1) {
      lines.push(`Worst of ${rows.length} fits (all angles and each angle sector): ${worst.candidate.label}. By angle, on the 95% upper bound:`);
      for (const r of rows) lines.push(`  ${r.candidate.label.padEnd(14)} ${where(r.answer, r.answer.distance_m)}`);
    }
    if (budget) lines.push(...budgetLines(budget));
    io.stdout([...lines, ...modelLines(resolved, worst.candidate)].join("\n"));
    return code;
  }
};
