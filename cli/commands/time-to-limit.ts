// `xray-dose time-to-limit`: how long a person at a distance can stay before a dose limit is reached.
import {parseOptions, type Command} from "../command.js";
import {timeToLimit} from "../../lib/exposure/index.js";
import {MODEL_SOURCE_HELP, MODEL_SOURCE_OPTIONS, candidates, formatDistance, formatDose, formatDuration, modelJson, modelLines, quantityOption, resolveModel, worstCase} from "../model-input.js";

const HELP = `Usage: xray-dose time-to-limit (--readings FILE | --reference "0.016 mrem in 10 s at 5 ft") --distance "5 ft"
                               --limit "1 mSv" [--model NAME] [--json]

How long a person at a distance can stay, in continuous exposure, before the 95% upper bound of the dose
reaches the limit.

${MODEL_SOURCE_HELP}
Question:
  --distance D           distance from the device's reference point, e.g. "5 ft"
  --limit L              dose limit, e.g. "1 mSv" or "100 mrem"`;

export const timeToLimitCommand: Command = {
  name: "time-to-limit",
  summary: "how long a person at a distance can stay before a dose limit is reached (95% upper bound)",
  help: HELP,
  async run(args, io) {
    const {values} = parseOptions(args, {...MODEL_SOURCE_OPTIONS, distance: {type: "string"}, limit: {type: "string"}}, false);
    const distance_m = quantityOption(values, "distance", "length", "5 ft");
    const limit_uSv = quantityOption(values, "limit", "dose-equivalent", "1 mSv");
    const resolved = await resolveModel(values, io);
    // The worst case is the shortest time.
    const {worst, rows} = worstCase(candidates(resolved, values.angle), (fit) => timeToLimit(fit, {distance_m, limit_uSv}), (a) => -a.duration_s);
    const t = worst.answer;

    if (values.json) {
      io.stdout(JSON.stringify({
        duration: {value: t.duration_s, unit: "s"}, pointDuration: {value: t.pointDuration_s, unit: "s"},
        distance: {value: distance_m, unit: "m"}, limit: {value: limit_uSv, unit: "uSv"},
        method: t.method, uncertaintyKnown: t.uncertaintyKnown, extrapolated: t.extrapolated, ...modelJson(resolved, worst.candidate),
        byAngle: rows.map((r) => ({label: r.candidate.label, sector: r.candidate.sector, duration: {value: r.answer.duration_s, unit: "s"}}))
      }, null, 2));
      return 0;
    }
    const lines = [
      `At ${formatDistance(distance_m)}, the limit of ${formatDose(limit_uSv)} is reached after:`,
      `  ${formatDuration(t.duration_s)} on the 95% upper bound${t.uncertaintyKnown ? "" : " (uncertainty unknown: equals the estimate)"}`,
      `  ${formatDuration(t.pointDuration_s)} on the point estimate`
    ];
    if (t.extrapolated) lines.push("Warning: the distance lies outside the fitted distances; the model is extrapolated.");
    if (rows.length > 1) {
      lines.push(`Worst of ${rows.length} fits (all angles and each angle sector): ${worst.candidate.label}. By angle, on the 95% upper bound:`);
      for (const r of rows) lines.push(`  ${r.candidate.label.padEnd(14)} ${formatDuration(r.answer.duration_s)}`);
    }
    io.stdout([...lines, ...modelLines(resolved, worst.candidate)].join("\n"));
    return 0;
  }
};
