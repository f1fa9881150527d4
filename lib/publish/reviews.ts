// What the site publishes of the RSO's reviews: every excluded reading with its reason (who decided only in the
// internal build), the reasons with their counts (what the public pages say), and how the exclusions changed since the
// previous council briefing.
import type {Exclusion} from "../reviews/apply.js";
import {applyReviews} from "../reviews/apply.js";
import type {Review} from "../reviews/parse.js";
import type {Reading} from "../readings/types.js";
import type {Audience} from "./audience.js";
import type {ExclusionChanges, PublishedReviews} from "./types.js";

/** Reasons with how many readings each excludes and of which devices, the most frequent first. */
export function byReason(excluded: readonly Pick<Exclusion, "reason" | "device_id">[]): {reason: string; readings: number; devices: string[]}[] {
  const groups = new Map<string, {readings: number; devices: Set<string>}>();
  for (const e of excluded) {
    const g = groups.get(e.reason) ?? {readings: 0, devices: new Set<string>()};
    g.readings++;
    g.devices.add(e.device_id);
    groups.set(e.reason, g);
  }
  return [...groups]
    .map(([reason, g]) => ({reason, readings: g.readings, devices: [...g.devices].sort()}))
    .sort((a, b) => b.readings - a.readings || (a.reason < b.reason ? -1 : 1));
}

export function publishReviews(excluded: readonly Exclusion[], reviews: readonly Review[], audience: Audience): PublishedReviews {
  return {
    excluded: excluded.map((e) => ({
      reading_id: e.reading_id, device_id: e.device_id, reason: e.reason, reviewed_on: e.reviewed_on,
      reviewed_by: audience === "internal" ? e.reviewed_by : null,
      review: `${e.review.file}:${e.review.line}`, source: `${e.reading.file}:${e.reading.line}`
    })),
    by_reason: byReason(excluded),
    notes: reviews.filter((r) => r.action === "note").length
  };
}

/**
 * The exclusions in force now against those in force before the previous briefing (reviews made before its date, on
 * the readings taken before it): what was set aside since, by reason, and how many were put back.
 */
export function exclusionChanges(readings: readonly Reading[], reviews: readonly Review[], previousBriefing: string | null): ExclusionChanges {
  const now = applyReviews(readings, reviews).excluded;
  if (previousBriefing === null) return {current: now.length, previous: null, added: byReason(now).map(({reason, readings}) => ({reason, readings})), removed: 0};
  const before = applyReviews(readings.filter((r) => r.measured_at.slice(0, 10) < previousBriefing), reviews.filter((r) => r.reviewed_on < previousBriefing)).excluded;
  const thenIds = new Set(before.map((e) => e.reading_id));
  const nowIds = new Set(now.map((e) => e.reading_id));
  return {
    current: now.length,
    previous: before.length,
    added: byReason(now.filter((e) => !thenIds.has(e.reading_id))).map(({reason, readings}) => ({reason, readings})),
    removed: before.filter((e) => !nowIds.has(e.reading_id)).length
  };
}
