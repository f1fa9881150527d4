// The RSO's reviews of readings (reviews.csv in the data folder): an audit trail of readings set aside, put back, or
// annotated, each with the reason, who decided and when. Validated like every input: every problem names the file,
// the line and the column, and says what would fix it (docs/data-formats.md, "Reviews").
import type {Problem} from "../io/problems.js";
import {parseCsv} from "../readings/csv.js";
import {formatDate, readDate} from "../readings/values.js";
import type {Reading} from "../readings/types.js";

export const REVIEW_FILE = "reviews.csv";
export const REVIEW_COLUMNS = ["reading_id", "action", "reason", "reviewed_by", "reviewed_on"] as const;
export const REVIEW_ACTIONS = ["exclude", "include", "note"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface Review {
  reading_id: string;
  /** exclude: set the reading aside (not fitted); include: undo an earlier exclusion; note: a remark, nothing changes. */
  action: ReviewAction;
  reason: string;
  /** Who decided: restricted (internal build only), since it names a person. */
  reviewed_by: string;
  /** YYYY-MM-DD. */
  reviewed_on: string;
  source: {file: string; line: number};
}

export interface ParsedReviews {
  reviews: Review[];
  problems: Problem[];
  /** Reviews of readings outside `readings`, left out because the context said "skip". */
  skipped: number;
}

export interface ReviewContext {
  /** The build's day: a review dated after it is an error. */
  now: Date;
  /** The readings the reviews are about, by id: an unknown id is an error, a review older than its reading too. */
  readings: ReadonlyMap<string, Pick<Reading, "measured_at">>;
  /**
   * "skip" when `readings` are only some of the readings the file reviews (a command given a few readings files and
   * the folder's reviews.csv): a review of another reading is then left out, counted in `skipped`, not an error.
   */
  otherReadings?: "error" | "skip";
}

/** Every review of a reading in the order they take effect: by date, then by line (a later line on the same day wins). */
export function reviewOrder(a: Review, b: Review): number {
  if (a.reviewed_on !== b.reviewed_on) return a.reviewed_on < b.reviewed_on ? -1 : 1;
  if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
  return a.source.line - b.source.line;
}

/**
 * The reading ids a reviews file names (its reading_id cells, trimmed, each once), read before the reviews are
 * validated: a command whose readings stay in a database looks up only these readings to validate the reviews against
 * (parseReviews' `readings`). Empty when the file has no reading_id column (parseReviews then says what is wrong).
 */
export function reviewedIds(text: string): string[] {
  const {rows} = parseCsv(text);
  const column = rows[0]?.fields.findIndex((h) => h.trim() === "reading_id") ?? -1;
  if (column < 0) return [];
  const ids = new Set<string>();
  for (const row of rows.slice(1)) {
    const id = row.fields[column]?.trim() ?? "";
    if (id !== "") ids.add(id);
  }
  return [...ids];
}

/** Parse and validate reviews.csv. Never throws for bad content. */
export function parseReviews(text: string, file: string, context: ReviewContext): ParsedReviews {
  const problems: Problem[] = [];
  const report = (severity: Problem["severity"], line: number, column: string | undefined, message: string, code?: string) =>
    problems.push({severity, file, line, ...(column !== undefined ? {column} : {}), message, ...(code ? {code} : {})});
  const {rows, errors} = parseCsv(text);
  for (const e of errors) report("error", e.line, undefined, e.message);
  const headerRow = rows[0];
  if (!headerRow) {
    report("error", 1, undefined, `the file is empty; it needs the header line ${REVIEW_COLUMNS.join(",")} (then one line per review, or none)`);
    return {reviews: [], problems, skipped: 0};
  }
  const header = headerRow.fields.map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((name, k) => {
    if (index.has(name)) report("error", headerRow.line, name, `the header names this column twice (columns ${index.get(name)! + 1} and ${k + 1}); keep one`);
    else if (!(REVIEW_COLUMNS as readonly string[]).includes(name)) report("error", headerRow.line, name || undefined, `"${name}" is not a column of ${REVIEW_FILE}; the columns are ${REVIEW_COLUMNS.join(", ")}`);
    else index.set(name, k);
  });
  for (const name of REVIEW_COLUMNS) {
    if (!index.has(name)) report("error", headerRow.line, name, `the required column "${name}" is missing; the header is ${REVIEW_COLUMNS.join(",")}`);
  }
  if (problems.some((p) => p.severity === "error")) return {reviews: [], problems, skipped: 0};

  const today = context.now.toISOString().slice(0, 10);
  const reviews: Review[] = [];
  let skipped = 0;
  for (const row of rows.slice(1)) {
    const cell = (name: (typeof REVIEW_COLUMNS)[number]) => row.fields[index.get(name)!]?.trim() ?? "";
    if (row.fields.length !== header.length) {
      report("error", row.line, undefined, `this line has ${row.fields.length} fields but the header has ${header.length}; quote a reason that contains commas`);
      continue;
    }
    let ok = true;
    const fail = (column: string, message: string) => {
      report("error", row.line, column, message);
      ok = false;
    };
    const reading_id = cell("reading_id");
    const reading = context.readings.get(reading_id);
    if (reading_id !== "" && !reading && context.otherReadings === "skip") {
      skipped++;
      continue;
    }
    if (reading_id === "") fail("reading_id", "names no reading; write the reading_id of the reading reviewed");
    else if (!reading) fail("reading_id", `no reading has the id "${reading_id}"; check it against the readings files (a reading without an id is named FILE:LINE)`);
    const actionText = cell("action");
    const action = REVIEW_ACTIONS.find((a) => a === actionText.toLowerCase());
    if (!action) fail("action", `"${actionText}" is not an action; write exclude (set the reading aside), include (undo an exclusion) or note`);
    const reason = cell("reason");
    if (reason === "") fail("reason", "a review needs a reason: say why the reading is set aside, put back or noted (the public site shows it)");
    const reviewed_by = cell("reviewed_by");
    if (reviewed_by === "") fail("reviewed_by", "name who decided (a name or staff id): the audit trail needs it (it is shown in the internal build only)");
    const dateText = cell("reviewed_on");
    const date = readDate(dateText);
    let reviewed_on = "";
    if (!date.ok) fail("reviewed_on", dateText === "" ? "give the day of the review, YYYY-MM-DD" : date.message);
    else {
      reviewed_on = formatDate(date.value);
      if (reviewed_on > today) fail("reviewed_on", `${reviewed_on} is in the future (this build's day is ${today}); write the day the review was made`);
      else if (reading && reviewed_on < reading.measured_at.slice(0, 10)) {
        fail("reviewed_on", `${reviewed_on} is before the reading was taken (${reading.measured_at.slice(0, 10)}); write the day the review was made`);
      }
    }
    if (ok) reviews.push({reading_id, action: action!, reason, reviewed_by, reviewed_on, source: {file, line: row.line}});
  }

  // An include undoes an exclusion; one with nothing to undo is probably a mistaken id or action.
  const excluded = new Set<string>();
  for (const r of [...reviews].sort(reviewOrder)) {
    if (r.action === "exclude") excluded.add(r.reading_id);
    else if (r.action === "include") {
      if (!excluded.has(r.reading_id)) {
        report("warning", r.source.line, "action", `include puts back reading ${r.reading_id}, but no earlier line excludes it; check the reading_id and the dates`, "review-include-without-exclude");
      }
      excluded.delete(r.reading_id);
    }
  }
  return {reviews, problems, skipped};
}
