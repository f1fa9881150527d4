// `xray-dose pack PATH... OUT`: a programme's readings as an archive, Parquet partitioned by device and year.
import {readdir} from "node:fs/promises";
import type {Command, Io} from "../command.js";
import {parseOptions, UsageError} from "../command.js";
import {formatProblem, hasErrors} from "../../lib/io/problems.js";
import {scanReadings} from "../../lib/io/scan-readings.js";
import {clockFromEnv} from "../../lib/io/clock.js";

const HELP = `Usage: xray-dose pack PATH... OUT

Validate readings files (CSV or Parquet, or folders of them) and write every reading to the folder OUT as Parquet,
partitioned by device and year (OUT/device_id=ID/year=YYYY/data_0.parquet): the form for archives, for
Spark SQL or Trino (docs/scaling.md), and for \`xray-dose fit\` and \`validate\`, which read it back as the same
readings. Columns are those of the readings format in canonical units (distance in m, duration in s, dose,
uncertainty, background and MDL in µSv, µGy or µR by quantity), each reading with its id (file:line when the
file gave none), plus the partition column year. Refused, with every problem listed, if any file has an error.

Exit status: 0 written, 1 an error in the readings, 2 a usage error (OUT must be a new or empty folder).`;

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

export const packCommand: Command = {
  name: "pack",
  summary: "write readings files as Parquet partitioned by device and year, for archives",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const {positionals} = parseOptions(args, {});
    if (positionals.length < 2) throw new UsageError("name the readings files or folders, then the output folder: xray-dose pack data/readings archive");
    const out = positionals.at(-1)!;
    if (!(await isEmptyOrMissing(out))) throw new UsageError(`${out} is not empty; give a new or empty folder for the archive`);
    const scan = await scanReadings(positionals.slice(0, -1), {now: clockFromEnv()});
    try {
      for (const p of scan.problems) io.stderr(formatProblem(p));
      if (hasErrors(scan.problems)) {
        io.stdout("INVALID: fix the errors above; nothing was written");
        return 1;
      }
      const written = await scan.writeArchive(out);
      io.stdout(`${written} readings of ${scan.devices.length} device${scan.devices.length === 1 ? "" : "s"} written to ${out} (Parquet, by device and year)`);
      return 0;
    } finally {
      scan.close();
    }
  }
};
