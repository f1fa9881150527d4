// Applying the RSO's reviews to the readings before anything is fitted: an excluded reading is kept in the data and
// in every table (with its status and reason) but takes no part in a fit. The last exclude or include of a reading
// (by date, then line) decides; notes change nothing.
import type {Reading} from "../readings/types.js";
import {reviewOrder, type Review} from "./parse.js";

export interface Exclusion {
  reading_id: string;
  device_id: string;
  reason: string;
  /** Restricted: internal build only. */
  reviewed_by: string;
  reviewed_on: string;
  /** The review's line in reviews.csv. */
  review: {file: string; line: number};
  /** The reading's line in its readings file. */
  reading: {file: string; line: number};
}

export interface ReviewedReadings {
  /** The readings to fit: every reading not excluded, in their original order. */
  kept: Reading[];
  /** The readings set aside, in their original order. */
  excluded: Exclusion[];
  /** Notes on readings, by reading_id, in review order. */
  notes: Map<string, Review[]>;
}

/** The decision in force for each reading: its last exclude or include review (reviews of unknown readings are ignored). */
export function decisions(reviews: readonly Review[]): Map<string, Review> {
  const last = new Map<string, Review>();
  for (const r of [...reviews].sort(reviewOrder)) if (r.action !== "note") last.set(r.reading_id, r);
  return last;
}

export function applyReviews(readings: readonly Reading[], reviews: readonly Review[]): ReviewedReadings {
  const decided = decisions(reviews);
  const notes = new Map<string, Review[]>();
  for (const r of [...reviews].sort(reviewOrder)) if (r.action === "note") notes.set(r.reading_id, [...(notes.get(r.reading_id) ?? []), r]);
  const kept: Reading[] = [];
  const excluded: Exclusion[] = [];
  for (const reading of readings) {
    const d = decided.get(reading.reading_id);
    if (d?.action !== "exclude") {
      kept.push(reading);
      continue;
    }
    excluded.push({
      reading_id: reading.reading_id, device_id: reading.device_id, reason: d.reason, reviewed_by: d.reviewed_by, reviewed_on: d.reviewed_on,
      review: d.source, reading: reading.source
    });
  }
  return {kept, excluded, notes};
}
