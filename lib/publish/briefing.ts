// The council briefing: a few key figures, how they changed since the previous briefing, and the questions the
// findings raise. The previous briefing's figures are recomputed from the same inputs cut at its date (readings
// taken, deployments started and certificates issued before it), so the comparison uses one method throughout;
// a correction made to old data since then shows up as a change, which is what a council should see.
import type {Dataset} from "../io/load-dataset.js";
import type {Briefing, BriefingChange, KeyFigure, Publication} from "./types.js";
import {exclusionChanges} from "./reviews.js";

/**
 * The largest of the devices' values, or null when any device's is unknown: a figure "for the devices" is not given
 * from the devices that happen to have one.
 */
const worstOf = (values: (number | null | undefined)[]): number | null =>
  values.length === 0 || values.some((v) => typeof v !== "number") ? null : Math.max(...(values as number[]));

export function keyFigures(p: Publication): KeyFigure[] {
  const point = (label: string) => worstOf(p.devices.map((d) => d.policy_points.find((x) => x.label === label)?.upper95_uSv));
  const hourly = p.limits.find((l) => l.id === "L5");
  return [
    {id: "dose-5ft-10s", label: "Bystander, 5 ft for 10 s (upper bound)", value: point("5 ft for 10 s"), unit: "uSv"},
    {id: "dose-10ft-10s", label: "Bystander, 10 ft for 10 s (upper bound)", value: point("10 ft for 10 s"), unit: "uSv"},
    ...(hourly ? [{
      id: "hour-exclusion", label: `Distance beyond which any one hour stays under ${hourly.value} ${hourly.unit}`,
      value: worstOf(p.devices.map((d) => d.exclusion.find((e) => e.limit_id === "L5")?.distance_m)), unit: "m"
    }] : []),
    {id: "readings", label: "Dosimeter readings", value: p.devices.reduce((n, d) => n + d.readings, 0), unit: ""},
    {id: "deployments", label: "Deployments", value: p.deployments.deployments, unit: ""},
    {id: "vehicles", label: "Vehicles scanned", value: p.deployments.vehicles, unit: ""},
    {id: "beam-on", label: "X-rays on", value: p.deployments.beam_on_h, unit: "h"},
    {id: "certificates-lapsed", label: "Device certificates lapsed", value: p.certificates.filter((c) => c.status === "lapsed").length, unit: ""},
    {id: "claims-inconsistent", label: "Policy claims inconsistent", value: p.claims.length === 0 ? null : p.claims.filter((c) => c.verdict === "inconsistent").length, unit: ""}
  ];
}

/** The data set as it stood before `date` (YYYY-MM-DD). */
export function cutDataset(dataset: Dataset, date: string): Dataset {
  const before = (iso: string) => iso.slice(0, 10) < date;
  return {
    ...dataset,
    readings: dataset.readings.filter((r) => before(r.measured_at)),
    deployments: dataset.deployments.filter((d) => before(d.start)),
    certificates: dataset.certificates.filter((c) => before(c.issued_on)),
    reviews: dataset.reviews.filter((r) => r.reviewed_on < date),
    problems: dataset.problems
  };
}

/** A quote cut to a length a one-page briefing can carry. */
const excerpt = (quote: string) => (quote.length > 90 ? `${quote.slice(0, 87).trimEnd()}…` : quote);

export function questions(p: Publication): string[] {
  const q: string[] = [];
  const uncertified = p.devices.filter((d) => d.certificate === "missing").map((d) => d.device_id);
  if (uncertified.length > 0) q.push(`${uncertified.length === 1 ? `Device ${uncertified[0]} has` : `Devices ${uncertified.join(", ")} have`} no calibration certificate on record. When ${uncertified.length === 1 ? "was it" : "were they"} last calibrated, and by whom?`);
  for (const c of p.certificates.filter((c) => c.status === "lapsed")) {
    q.push(`The calibration certificate of device ${c.device_id} was due on ${c.next_due}. When will the device be recalibrated, and was it used after that date?`);
  }
  const inconsistent = p.claims.filter((c) => c.verdict === "inconsistent");
  if (inconsistent.length > 0) q.push(`${inconsistent.length} numerical statement${inconsistent.length === 1 ? " in the policy does" : "s in the policy do"} not agree with ${inconsistent.length === 1 ? "itself or with the others" : "themselves or each other"} (for example: "${excerpt(inconsistent[0]!.quote)}"). Will the department correct the policy?`);
  const unsupported = p.claims.filter((c) => c.verdict === "unsupported");
  if (unsupported.length > 0) q.push(`${unsupported.length} comparison${unsupported.length === 1 ? " in the policy has" : "s in the policy have"} no source we could find (for example: "${excerpt(unsupported[0]!.quote)}"). What is the department's source?`);
  const unread = p.claims.filter((c) => c.verdict === "not-checked");
  if (unread.length > 0) q.push(`${unread.length} statement${unread.length === 1 ? " in the policy" : "s in the policy"} could not be checked as written (for example: "${excerpt(unread[0]!.quote)}"). Will the department restate ${unread.length === 1 ? "it" : "them"} in rem or sievert, with distance and time?`);
  const undetermined = p.scenarios.filter((s) => s.verdicts.some((v) => v.verdict === "cannot-be-determined" && v.limit_uSv !== null));
  if (undetermined.length > 0) q.push(`For ${undetermined.length} exposure situation${undetermined.length === 1 ? "" : "s"} the data cannot show compliance (for example: ${undetermined[0]!.title.toLowerCase()}, device ${undetermined[0]!.device_id}). Will the department take the measurements needed?`);
  const exceeds = p.scenarios.filter((s) => s.verdicts.some((v) => v.verdict === "exceeds"));
  if (exceeds.length > 0) q.push(`${exceeds.length} exposure situation${exceeds.length === 1 ? " exceeds" : "s exceed"} a limit (for example: ${exceeds[0]!.title.toLowerCase()}). What has the department changed?`);
  const rateMeter = p.devices.reduce((n, d) => n + d.rate_meter, 0);
  if (rateMeter > 0) q.push(`${rateMeter} field readings were taken with rate meters, which can misread a sweeping beam. Will future surveys use integrating dosimeters only?`);
  const flagged = p.devices.reduce((n, d) => n + d.flagged, 0);
  if (flagged > 0) q.push(`${flagged} readings lie far from the model of the device's dose. Has the Radiation Safety Officer reviewed them?`);
  const stale = p.instruments.filter((i) => i.readings_out_of_calibration > 0);
  if (stale.length > 0) q.push(`${stale.length} instrument${stale.length === 1 ? " was" : "s were"} used more than 12 months after calibration. What is the recalibration schedule for survey instruments?`);
  if (p.limits.some((l) => l.id === "N43.16")) q.push("The N43.16 standard for vehicle screening is not publicly available. Has the department obtained it and checked the device against it?");
  return q;
}

/** `publishCut` publishes the cut data set as it stood on `day` (certificates and calibrations judged on that day). */
export function briefing(p: Publication, dataset: Dataset, publishCut: (cut: Dataset, day: Date) => Publication): Briefing {
  const current = keyFigures(p);
  let previous: Publication | null = null;
  if (dataset.previousBriefing) {
    const cut = cutDataset(dataset, dataset.previousBriefing);
    if (cut.readings.length > 0) previous = publishCut(cut, new Date(`${dataset.previousBriefing}T00:00:00Z`));
  }
  const before = previous ? new Map(keyFigures(previous).map((k) => [k.id, k.value])) : null;
  const changes: BriefingChange[] = current.map((k) => ({id: k.id, label: k.label, unit: k.unit, current: k.value, previous: before?.get(k.id) ?? null}));
  return {
    previous_as_of: previous?.data_as_of ?? null,
    exclusions: exclusionChanges(dataset.readings, dataset.reviews, previous ? dataset.previousBriefing : null),
    key_figures: current, changes, questions: questions(p)
  };
}
