// The sample's reviews.csv: the Radiation Safety Officer's decisions about three of the planted outliers (one after the
// previous council briefing, so the briefing has a change to report) and a note on a fourth, so the pages show the
// audit trail on a fresh clone. Made from the readings' truth: no random draws.
import {REVIEW_COLUMNS} from "../reviews/parse.js";
import type {ReadingsTruth} from "./readings.js";

/** The sample's reviewer: a staff id, restricted like every reviewer (internal build only). */
export const SAMPLE_REVIEWER = "RSO-01";

const dayAfter = (measured_at: string, days: number) => new Date(Date.parse(measured_at.slice(0, 10)) + days * 86_400_000).toISOString().slice(0, 10);

export function generateReviews(truth: Pick<ReadingsTruth, "outliers">): string {
  const byFactor = (factor: number) => truth.outliers.find((o) => o.factor === factor)!;
  const review = (factor: number, action: string, reason: string) => [byFactor(factor).reading_id, action, reason, SAMPLE_REVIEWER, dayAfter(byFactor(factor).measured_at, 7)];
  const rows = [
    review(10, "exclude", "dose entered ten times too high (a slipped decimal): the instrument's own record was checked"),
    review(0.1, "exclude", "dose entered in the wrong unit: the instrument's own record was checked"),
    review(6, "exclude", "dose entered six times too high: the instrument's own record was checked"),
    review(12, "note", "high; the field notes do not explain it: kept until the instrument's record is found")
  ].sort((a, b) => (a[4]! < b[4]! ? -1 : a[4]! > b[4]! ? 1 : 0));
  const csv = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [REVIEW_COLUMNS.join(","), ...rows.map((r) => r.map(csv).join(","))].join("\n") + "\n";
}
