// `xray-dose compliance [DIR] [--json]`: every verdict the site would publish for a data folder, before a build.
import type {Command, Io} from "../command.js";
import {parseOptions, UsageError} from "../command.js";
import {clockFromEnv, isoDay} from "../../lib/io/clock.js";
import {formatProblem} from "../../lib/io/problems.js";
import {readDataset} from "../../lib/io/load-dataset.js";
import {codeVersion} from "../../lib/io/code-version.js";
import {publish} from "../../lib/publish/publication.js";
import {complianceReport, type ComplianceReport} from "../../lib/programme/compliance-report.js";
import {describeEffect} from "../../lib/publish/influence.js";
import {defaultDataDir} from "./validate.js";

const HELP = `Usage: xray-dose compliance [DIR] [--json]

Every verdict the site would publish for the data folder DIR (default: $XRAY_DATA_DIR, else data/): each
device's exposure scenarios against each limit that applies to the programme (dataset.json "limits"),
decided on the 95 % upper bound: within, exceeds, or cannot be determined (with the reason: no deployments,
no certificate, too few readings, a bound that straddles the limit...). Certificates are judged on the
build's day: SOURCE_DATE_EPOCH when set, otherwise today.

Prints one summary line per device, then one line per verdict; the folder's errors go to stderr (and how
many warnings it has: "xray-dose validate DIR" lists them).

Exit status: 0 the data is valid (whatever the verdicts), 1 the data has errors (the problems on stderr,
and in the JSON), 2 a usage error.

Options:
  --json      print {"data_dir", "synthetic", "programme", "as_of", "data_as_of",
              "devices": [{"device_id", "readings", "excluded", "deployments", "certificate", "model", ...}],
              "verdicts": [{"device_id", "scenario_id", "scenario", "limit_id", "limit_uSv", "kind", "period_s",
                            "dose_uSv", "upper95_uSv", "verdict", "margin", "reason", "assumptions",
                            "hinges_on": [{"reading_id", "source", "verdict_without"}]}],
              "influence": {"readings": [{"reading_id", "source", "leverage", "cooks_distance", "effects"}],
                            "devices": [{"device_id", "screened", "checked", "not_checked"}], "method"},
              "excluded": [], "problems": [{"severity", "file", "line", "column", "message"}]}
              (period_s: 3600 for "in any one hour", 31536000 for a calendar year of 365 days, null per screening)
  -h, --help  show this help`;

const µSv = (v: number | null) => (v === null ? "–" : `${Number(v.toPrecision(3))} µSv`);

/** One line per device, then per scenario one line for each verdict it has (its limits together). */
function text(report: ComplianceReport): string[] {
  const lines = [`${report.data_dir}: ${report.programme}${report.synthetic ? " (synthetic sample data)" : ""}; certificates as of ${report.as_of}, data as of ${report.data_as_of?.slice(0, 10) ?? "no readings"}`];
  for (const d of report.devices) {
    const mine = report.verdicts.filter((v) => v.device_id === d.device_id);
    const n = (verdict: string) => mine.filter((v) => v.verdict === verdict).length;
    lines.push(
      `${d.device_id}: ${d.readings} readings, ${d.deployments} deployments, certificate ${d.certificate}, model ${d.model ?? "none"}: ` +
      `${n("within")} within, ${n("exceeds")} exceed, ${n("cannot be determined")} cannot be determined`
    );
    const groups = new Map<string, typeof mine>();
    for (const v of mine) {
      const why = v.verdict === "cannot be determined" ? v.reason : "";
      const key = `${v.scenario_id}\u0000${v.verdict}\u0000${why}`;
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    for (const group of groups.values()) {
      const v = group[0]!;
      const ids = group.map((g) => g.limit_id).join(", ");
      const detail = v.verdict === "cannot be determined" ? `: ${v.reason.replace(/^Cannot be determined: /, "")}` : ` (upper bound ${µSv(v.upper95_uSv)})`;
      lines.push(`  ${v.scenario}: ${v.verdict} for ${ids}${detail}`);
      for (const h of v.hinges_on) lines.push(`    hinges on one reading: without ${h.reading_id} (${h.source}) it would be ${h.verdict_without}`);
    }
    for (const r of report.influence?.readings.filter((x) => x.device_id === d.device_id) ?? []) {
      lines.push(`  Reading ${r.reading_id} (${r.source}) alone decides: ${r.effects.map(describeEffect).join("; ")}`);
    }
  }
  return lines;
}

export const complianceCommand: Command = {
  name: "compliance",
  summary: "every verdict the site would publish for a data folder; exit 1 when the data has errors",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const {values, positionals} = parseOptions(args, {json: {type: "boolean"}});
    if (positionals.length > 1) throw new UsageError("name one data folder");
    const dir = positionals[0] ?? defaultDataDir();
    const now = clockFromEnv();
    const {dataset, problems} = await readDataset(dir, {now});
    const publication = dataset ? publish(dataset, "public", codeVersion(), {now, withBriefing: false}).publication : null;
    const periods = new Map((dataset?.limits.limits ?? []).map((l) => [l.id, l.period]));
    const report = complianceReport(dir, isoDay(now), publication, publication?.problems ?? problems, periods);
    // Errors in full; warnings counted (xray-dose validate lists them, the JSON carries them all).
    const warnings = report.problems.filter((p) => p.severity === "warning").length;
    if (warnings > 0) io.stderr(`${warnings.toLocaleString("en-US")} warning${warnings === 1 ? "" : "s"} in the data: \`xray-dose validate ${dir}\` lists them`);
    for (const p of report.problems.filter((p) => p.severity === "error")) io.stderr(formatProblem({...p, line: p.line ?? undefined, column: p.column ?? undefined}));
    if (values.json) io.stdout(JSON.stringify(report, null, 2));
    else if (publication) io.stdout(text(report).join("\n"));
    else io.stdout(`${dir}: the data has errors (above), so no verdict can be given; fix them and run again`);
    return publication ? 0 : 1;
  }
};
