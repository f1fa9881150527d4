// A groups file: the output of the grouping query (docs/scaling.md) run elsewhere — Spark SQL or Trino over the
// partitioned Parquet archive — saved as CSV or Parquet, for `xray-dose fit --groups FILE`. Small (one row per device,
// sector, quantity and distance bin), so it is checked row by row here, each problem naming its line and column.
import {createHash} from "node:crypto";
import {DEFAULT_SECTOR_WIDTH_DEG} from "../models/groups.js";
import {QUANTITIES} from "../readings/types.js";
import {openDb, sqlText} from "./duckdb.js";
import {readInput} from "./open-input.js";
import type {GroupRow} from "./group-rows.js";
import type {Problem} from "./problems.js";

export const GROUP_COLUMNS = [
  "device_id", "sector_deg", "quantity", "bin", "n", "sum_w", "sum_wy", "sum_wyy", "sum_wr", "min_r", "max_r", "min_y", "max_y", "censored",
  "instrument_id", "instrument_type", "calibration_uncertainty", "energy_response_uncertainty"
] as const;
const TEXT_COLUMNS = new Set<string>(["device_id", "quantity", "instrument_id", "instrument_type"]);

export interface GroupsFile {
  path: string;
  sha256: string;
  rows: GroupRow[];
  problems: Problem[];
}

export async function readGroupsFile(path: string): Promise<GroupsFile> {
  const problems: Problem[] = [];
  // A groups file is small (one row per device, sector, quantity, distance bin and instrument): read whole, capped.
  const read = await readInput(path);
  if (!read.ok) return {path, sha256: "", rows: [], problems: [read.problem]};
  const sha256 = createHash("sha256").update(read.bytes).digest("hex");
  const db = await openDb();
  let raw: Record<string, unknown>[];
  try {
    const reader = path.toLowerCase().endsWith(".parquet") ? `read_parquet(${sqlText(path)}, hive_partitioning = false)` : `read_csv(${sqlText(path)}, header = true)`;
    const columns = (await db.all<{column_name: string}>(`DESCRIBE SELECT * FROM ${reader}`)).map((c) => c.column_name);
    const missing = GROUP_COLUMNS.filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      return {path, sha256, rows: [], problems: [{severity: "error", file: path, line: 1, message: `the groups file lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; make it with the grouping query of docs/scaling.md`}]};
    }
    // Numbers by TRY_CAST, each with its text for the message when it is not one.
    raw = await db.all(`SELECT ${GROUP_COLUMNS.map((c) => TEXT_COLUMNS.has(c) ? `CAST("${c}" AS VARCHAR) AS "${c}"`
      : `TRY_CAST("${c}" AS DOUBLE) AS "${c}", CAST("${c}" AS VARCHAR) AS "${c}_text"`).join(", ")} FROM ${reader}`);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return {path, sha256, rows: [], problems: [{severity: "error", file: path, message: `cannot be read as a groups file (${reason}); give the CSV or Parquet output of the grouping query`}]};
  } finally {
    db.close();
  }
  const rows: GroupRow[] = [];
  raw.forEach((r, i) => {
    const line = i + 2;
    const bad = (column: string, message: string) => problems.push({severity: "error", file: path, line, column, message});
    const number = (c: string) => r[c] as number | null;
    const text = (c: string) => (r[`${c}_text`] === null ? "an empty cell" : `"${r[`${c}_text`]}"`);
    const before = problems.length;
    if (typeof r.device_id !== "string" || r.device_id === "") bad("device_id", "is empty; every group belongs to a device");
    if (typeof r.quantity !== "string" || !QUANTITIES.includes(r.quantity as never)) bad("quantity", `"${r.quantity}" is not a quantity; write one of ${QUANTITIES.join(", ")}`);
    const sector = number("sector_deg");

    if (r.sector_deg_text !== null && !(sector !== null && sector >= 0 && sector < 360 && sector % DEFAULT_SECTOR_WIDTH_DEG === 0)) {
      bad("sector_deg", `${text("sector_deg")} is not the centre of a ${DEFAULT_SECTOR_WIDTH_DEG}° sector (0, 45, …, 315); leave it empty for readings without an angle`);
    }
    for (const c of ["bin", "n", "censored"]) if (!Number.isInteger(number(c)) || (c !== "bin" && number(c)! < 0)) bad(c, `${text(c)} is not a whole number${c === "bin" ? "" : " of readings"}`);
    for (const c of ["sum_w", "sum_wy", "sum_wyy", "sum_wr"]) if (!Number.isFinite(number(c))) bad(c, `${text(c)} is not a finite number`);
    const n = number("n") ?? 0;
    if (n > 0) {
      if (!(number("sum_w")! > 0)) bad("sum_w", "must be positive when the group holds readings (it is the sum of 1/σ²)");
      for (const c of ["min_r", "max_r"]) if (!(number(c)! > 0)) bad(c, "must be a positive distance (m) when the group holds readings");
      for (const c of ["min_y", "max_y"]) if (!Number.isFinite(number(c))) bad(c, "must be a rate (µSv/h) when the group holds readings");
    }
    for (const c of ["calibration_uncertainty", "energy_response_uncertainty"]) {
      const v = number(c);
      // v !== null first: in JavaScript null >= 0 holds.
      if (r[`${c}_text`] !== null && !(v !== null && v >= 0 && v < 1)) bad(c, `${text(c)} is not a relative uncertainty from 0 to below 1, or empty`);
    }
    if (r.instrument_type !== null && r.instrument_type !== "integrating" && r.instrument_type !== "rate-meter") {
      bad("instrument_type", `"${r.instrument_type}" is not an instrument type; write integrating or rate-meter, or leave it empty`);
    }
    if (problems.length > before) return;
    rows.push({
      device_id: r.device_id as string, sector_deg: sector, quantity: r.quantity as string, bin: number("bin")!, n, sum_w: number("sum_w")!,
      sum_wy: number("sum_wy")!, sum_wyy: number("sum_wyy")!, sum_wr: number("sum_wr")!, min_r: number("min_r"), max_r: number("max_r"),
      min_y: number("min_y"), max_y: number("max_y"), censored: number("censored")!,
      instrument_id: (r.instrument_id as string | null) ?? null, instrument_type: (r.instrument_type as string | null) ?? null,
      calibration_uncertainty: number("calibration_uncertainty"), energy_response_uncertainty: number("energy_response_uncertainty")
    });
  });
  if (raw.length === 0) problems.push({severity: "error", file: path, line: 1, message: "the groups file holds no groups"});
  return {path, sha256, rows, problems};
}
