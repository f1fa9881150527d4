// `xray-dose check-policy`: checks every quantitative claim of the shipped impact-and-use policy (data/policy/)
// against units, physics, the cited everyday doses (data/everyday-doses.json) and, where available, field data.
import {readFile} from "node:fs/promises";
import {relative} from "node:path";
import {fileURLToPath} from "node:url";
import type {Command, Io} from "../command.js";
import {parseOptions} from "../command.js";
import {InputError, clockFromEnv, hasErrors, type Problem} from "../../lib/io/index.js";
import {parseReadingsCsv} from "../../lib/readings/index.js";
import {fitModel, readingsToPoints, type FitResult} from "../../lib/models/index.js";
import {scenarioDose} from "../../lib/exposure/index.js";
import {
  CENTRE_QUOTE,
  POLICY_FILE,
  REQUIRED_ANCHORS,
  checkPolicyClaims,
  loadEverydayDoses,
  missingQuotes,
  type ClaimResult,
  type Estimator
} from "../../lib/compliance/index.js";

const DATA_DIR = new URL("../../data/", import.meta.url);

const HELP = `Usage: xray-dose check-policy [--json] [--readings FILE.csv ...]

Checks every quantitative statement of the policy's HEALTH & SAFETY REPORTING section, quoted exactly from
data/policy/${POLICY_FILE}: that the units inside a statement agree, that the 5 ft and 10 ft figures agree with
each other under the inverse square law, that the comparisons in words hold against the everyday doses of
data/everyday-doses.json (each with its source and grade), and whether field data support the stated figures.

Each check is consistent, inconsistent or unsupported, with its numbers.

Options:
  --readings FILE  field readings (CSV, docs/data-formats.md) of one device, repeatable: an inverse-square model is
                   fitted to them and its 95 % interval at 5 ft and 10 ft is compared with the policy's figures.
                   Without readings those two checks are unsupported.
  --json           print {"claims": [{"id", "quote", "section", "check", "verdict", "explanation", "numbers"}]}
  -h, --help       show this help`;

function shown(url: URL): string {
  return relative(process.cwd(), fileURLToPath(url)) || fileURLToPath(url);
}

async function readText(url: URL): Promise<string> {
  try {
    return await readFile(url, "utf8");
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError([{severity: "error", file: shown(url), message: `cannot be read (${why}); restore it from the repository`}]);
  }
}

/**
 * A fitted model as the compliance library's estimator. The inverse-square model: one parameter, so it can be
 * fitted from the fewest readings, and the law the policy's own 5 ft and 10 ft figures are checked against.
 */
export function modelEstimator(model: FitResult): Estimator {
  return (q) => {
    if (!model.converged) {
      return {dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: `the ${model.model} fit cannot be used: ${model.reason ?? "it did not converge"}`};
    }
    const d = scenarioDose(model, q);
    if (!d.uncertaintyKnown) {
      return {dose_uSv: d.dose_uSv, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: "the model carries no uncertainty, so no 95 % bounds"};
    }
    const note = `${model.model} fit to ${model.n} readings${d.extrapolated ? `, extrapolated beyond the measured distances` : ""}`;
    return {dose_uSv: d.dose_uSv, upper95_uSv: d.upper95_uSv, lower95_uSv: d.lower95_uSv, determinable: true, reason: note};
  };
}

/** Parse and fit the readings files; refuses, with every problem, files with errors or readings of several devices. */
async function fitReadings(paths: readonly string[]): Promise<FitResult> {
  const readings = [];
  const problems: Problem[] = [];
  const now = clockFromEnv();
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      problems.push({severity: "error", file: path, message: `cannot be read (${error instanceof Error ? error.message : String(error)}); check the path`});
      continue;
    }
    const parsed = parseReadingsCsv(text, path, {now});
    problems.push(...parsed.problems);
    readings.push(...parsed.readings);
  }
  if (hasErrors(problems)) throw new InputError(problems);
  const devices = [...new Set(readings.map((r) => r.device_id))];
  if (devices.length > 1) {
    throw new InputError([{severity: "error", file: paths.join(", "), column: "device_id", message: `readings of ${devices.length} devices (${devices.join(", ")}); the policy describes one device, so give one device's readings`}]);
  }
  const points = readingsToPoints(readings);
  if (hasErrors(points.problems)) throw new InputError(points.problems);
  return fitModel(points.points, "inverse-square");
}

/** The policy check over the shipped data; throws InputError when the data or the policy copy is wrong. */
export async function runPolicyCheck(dataDir: URL = DATA_DIR, estimate?: Estimator): Promise<ClaimResult[]> {
  const dosesUrl = new URL("everyday-doses.json", dataDir);
  const policyUrl = new URL(`policy/${POLICY_FILE}`, dataDir);
  const everyday = loadEverydayDoses(await readText(dosesUrl), shown(dosesUrl), REQUIRED_ANCHORS);
  if (everyday.problems.length > 0) throw new InputError(everyday.problems);
  const policy = await readText(policyUrl);
  const claims = checkPolicyClaims(estimate ? {everyday: everyday.doses, estimate} : {everyday: everyday.doses});
  // A claim is only worth reporting if the document says it: every quote must be verbatim in the shipped copy.
  const missing = missingQuotes(policy, [...claims, CENTRE_QUOTE]);
  if (missing.length > 0) {
    const problems: Problem[] = missing.map((quote) => ({
      severity: "error",
      file: shown(policyUrl),
      message: `does not contain the quote "${quote.length > 80 ? quote.slice(0, 77) + "..." : quote}"; restore the policy text or update the claims in lib/compliance/policy-claims.ts`
    }));
    throw new InputError(problems);
  }
  return claims;
}

function formatText(claims: readonly ClaimResult[]): string {
  const count = (v: ClaimResult["verdict"]) => claims.filter((c) => c.verdict === v).length;
  const lines = [
    `Policy claims check: data/policy/${POLICY_FILE}`,
    `${claims.length} checks: ${count("consistent")} consistent, ${count("inconsistent")} inconsistent, ${count("unsupported")} unsupported`
  ];
  for (const c of claims) {
    lines.push("", `${c.verdict.toUpperCase()}  ${c.check}  [${c.id}]`, `  Section: ${c.section}`, `  Quote: "${c.quote}"`, `  ${c.explanation}`);
  }
  return lines.join("\n");
}

export const checkPolicyCommand: Command = {
  name: "check-policy",
  summary: "check the policy's health-and-safety figures against units, physics and everyday doses",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const {values} = parseOptions(args, {json: {type: "boolean"}, readings: {type: "string", multiple: true}}, false);
    const estimate = values.readings && values.readings.length > 0 ? modelEstimator(await fitReadings(values.readings)) : undefined;
    const claims = await runPolicyCheck(DATA_DIR, estimate);
    if (values.json) {
      io.stdout(JSON.stringify({claims}, null, 2));
    } else {
      io.stdout(formatText(claims));
    }
    return 0;
  }
};
