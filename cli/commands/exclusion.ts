// `xray-dose exclusion`: the smallest distance at which a dose limit over a period is met, on the 95 % upper bound.
import {parseOptions, type Command} from "../command.js";
import {MAX_SEARCH_DISTANCE_M, exclusionDistance} from "../../lib/exposure/index.js";
import {MODEL_SOURCE_HELP, MODEL_SOURCE_OPTIONS, candidates, formatDistance, formatDose, formatDuration, modelJson, modelLines, quantityOption, resolveModel, worstCase} from "../model-input.js";

const HELP = `Usage: xray-dose exclusion (--readings FILE | --reference "0.016 mrem in 10 s at 5 ft") --limit "2 mrem" --per "1 h"
                           [--model NAME] [--json]

The smallest distance beyond which a person present for the whole period receives no more than the limit,
computed on the 95% upper bound of the dose (e.g. 20 µSv in any one hour, 10 CFR 20.1301(a)(2)).

${MODEL_SOURCE_HELP}
Limit:
  --limit L              dose limit, e.g. "2 mrem" or "20 uSv"
  --per T                period of the limit, e.g. "1 h"`;

export const exclusionCommand: Command = {
  name: "exclusion",
  summary: "smallest distance where a dose limit over a period is met (95% upper bound)",
  help: HELP,
  async run(args, io) {
    const {values} = parseOptions(args, {...MODEL_SOURCE_OPTIONS, limit: {type: "string"}, per: {type: "string"}}, false);
    const limit_uSv = quantityOption(values, "limit", "dose-equivalent", "2 mrem");
    const period_s = quantityOption(values, "per", "time", "1 h");
    const resolved = await resolveModel(values, io);
    const {worst, rows} = worstCase(candidates(resolved, values.angle), (fit) => exclusionDistance(fit, {limit_uSv, period_s}), (a) => a.distance_m ?? Infinity);
    const e = worst.answer;

    if (values.json) {
      io.stdout(JSON.stringify({
        distance: {value: e.distance_m, unit: "m"}, pointDistance: {value: e.pointDistance_m, unit: "m"},
        limit: {value: limit_uSv, unit: "uSv"}, period: {value: period_s, unit: "s"},
        method: e.method, uncertaintyKnown: e.uncertaintyKnown, extrapolated: e.extrapolated, ...modelJson(resolved, worst.candidate),
        byAngle: rows.map((r) => ({label: r.candidate.label, sector: r.candidate.sector, distance: {value: r.answer.distance_m, unit: "m"}}))
      }, null, 2));
      return 0;
    }
    const beyond = `beyond ${formatDistance(MAX_SEARCH_DISTANCE_M)}, the end of the search`;
    const lines = [
      `Limit ${formatDose(limit_uSv)} per ${formatDuration(period_s)} of continuous presence:`,
      `  met beyond ${e.distance_m === null ? beyond : formatDistance(e.distance_m)} on the 95% upper bound${e.uncertaintyKnown ? "" : " (uncertainty unknown: equals the estimate)"}`,
      `  met beyond ${e.pointDistance_m === null ? beyond : formatDistance(e.pointDistance_m)} on the point estimate`
    ];
    if (e.extrapolated) lines.push("Warning: the distance lies outside the fitted distances; the model is extrapolated.");
    if (rows.length > 1) {
      lines.push(`Worst of ${rows.length} fits (all angles and each angle sector): ${worst.candidate.label}. By angle, on the 95% upper bound:`);
      for (const r of rows) lines.push(`  ${r.candidate.label.padEnd(14)} ${r.answer.distance_m === null ? beyond : formatDistance(r.answer.distance_m)}`);
    }
    io.stdout([...lines, ...modelLines(resolved, worst.candidate)].join("\n"));
    return 0;
  }
};
