// A synthetic deployment log: about forty deployments 2024 – October 2026 at the kind of events the policy names.
import {csvFormatRows} from "d3-dsv";
import {DEVICES} from "./model.js";
import {formatNewYork, newYorkToUtc} from "./time.js";
import type {Random} from "./random.js";

interface EventPlan {
  date: string;
  event: string;
  location_type: string;
  location: string;
  restricted: boolean;
  /** Local start hour and length in hours. */
  start_hour: number;
  hours: number;
}

const UNGA = (date: string, location: string): EventPlan => ({date, event: "UN General Assembly week", location_type: "street checkpoint", location, restricted: true, start_hour: 6, hours: 14});
const VISIT = (date: string): EventPlan => ({date, event: "Presidential visit", location_type: "motorcade route checkpoint", location: "withheld route segment, Manhattan", restricted: true, start_hour: 7, hours: 10});
const simple = (date: string, event: string, location_type: string, location: string, start_hour: number, hours: number): EventPlan => ({date, event, location_type, location, restricted: false, start_hour, hours});

/** The events: real recurring New York events on their real dates; the visits' dates are invented. */
export const EVENT_PLAN: readonly EventPlan[] = [
  VISIT("2024-01-18"),
  simple("2024-03-16", "St. Patrick's Day Parade", "street checkpoint", "5th Ave & E 44th St", 6, 10),
  VISIT("2024-05-09"),
  simple("2024-06-30", "NYC Pride March", "street checkpoint", "7th Ave & W 14th St", 7, 12),
  simple("2024-07-04", "Independence Day fireworks", "bridge approach", "FDR Drive & E 23rd St", 12, 12),
  simple("2024-08-26", "US Open tennis", "venue perimeter", "Flushing Meadows Corona Park, lot B", 8, 12),
  UNGA("2024-09-23", "E 42nd St & 1st Ave"),
  UNGA("2024-09-24", "E 47th St & 2nd Ave"),
  UNGA("2024-09-25", "E 42nd St & 1st Ave"),
  simple("2024-11-03", "New York City Marathon", "street checkpoint", "Verrazzano-Narrows Bridge plaza", 4, 12),
  simple("2024-11-28", "Thanksgiving Day Parade", "street checkpoint", "Central Park West & W 77th St", 5, 9),
  simple("2024-12-31", "New Year's Eve, Times Square", "street checkpoint", "7th Ave & W 49th St", 14, 13),
  simple("2025-03-17", "St. Patrick's Day Parade", "street checkpoint", "5th Ave & E 44th St", 6, 10),
  VISIT("2025-04-10"),
  simple("2025-06-29", "NYC Pride March", "street checkpoint", "7th Ave & W 14th St", 7, 12),
  simple("2025-07-04", "Independence Day fireworks", "bridge approach", "FDR Drive & E 23rd St", 12, 12),
  simple("2025-08-25", "US Open tennis", "venue perimeter", "Flushing Meadows Corona Park, lot B", 8, 12),
  UNGA("2025-09-22", "E 42nd St & 1st Ave"),
  UNGA("2025-09-23", "E 47th St & 2nd Ave"),
  UNGA("2025-09-24", "E 42nd St & 1st Ave"),
  UNGA("2025-09-25", "E 45th St & 1st Ave"),
  VISIT("2025-10-14"),
  simple("2025-11-02", "New York City Marathon", "street checkpoint", "Verrazzano-Narrows Bridge plaza", 4, 12),
  simple("2025-11-27", "Thanksgiving Day Parade", "street checkpoint", "Central Park West & W 77th St", 5, 9),
  simple("2025-12-31", "New Year's Eve, Times Square", "street checkpoint", "7th Ave & W 49th St", 14, 13),
  simple("2026-01-20", "Loading dock inspection", "loading dock", "Javits Center marshalling yard", 8, 8),
  simple("2026-03-17", "St. Patrick's Day Parade", "street checkpoint", "5th Ave & E 44th St", 6, 10),
  VISIT("2026-04-22"),
  simple("2026-06-14", "FIFA World Cup fan festival", "venue perimeter", "Rockefeller Center perimeter", 9, 13),
  simple("2026-06-28", "NYC Pride March", "street checkpoint", "7th Ave & W 14th St", 7, 12),
  simple("2026-07-03", "Sail4th 250 harbor celebration", "bridge approach", "Battery Park City, West St", 8, 14),
  simple("2026-07-04", "Independence Day fireworks", "bridge approach", "FDR Drive & E 23rd St", 12, 12),
  simple("2026-07-19", "FIFA World Cup final, fan zone", "venue perimeter", "Rockefeller Center perimeter", 10, 12),
  simple("2026-08-31", "US Open tennis", "venue perimeter", "Flushing Meadows Corona Park, lot B", 8, 12),
  UNGA("2026-09-21", "E 42nd St & 1st Ave"),
  UNGA("2026-09-22", "E 47th St & 2nd Ave"),
  UNGA("2026-09-23", "E 42nd St & 1st Ave"),
  VISIT("2026-10-06"),
  simple("2026-10-12", "Columbus Day Parade", "street checkpoint", "5th Ave & E 47th St", 8, 8)
];

const OPERATORS = ["OP-117", "OP-123", "OP-204", "OP-231", "OP-309", "OP-342", "OP-415"];

/** Scan length per vehicle: a car or van plus the run-in and run-out of the scan, a choice for the sample. */
const SCAN_LENGTH_M = 9;

export const DEPLOYMENT_COLUMNS = [
  "deployment_id", "device_id", "start", "end", "event", "location_type", "location", "location_restricted",
  "vehicles_scanned", "beam_on_s", "scan_speed_km_per_h", "cordon_m", "operators", "notes"
] as const;

export function generateDeploymentLog(random: Random): string {
  const rows = EVENT_PLAN.map((plan, k) => {
    const [y, m, d] = plan.date.split("-").map(Number) as [number, number, number];
    const startMs = newYorkToUtc(y, m, d, plan.start_hour, random.pick([0, 15, 30, 45]));
    const endMs = startMs + (plan.hours * 60 + random.pick([-30, -15, 0, 15, 30])) * 60_000;
    const vehicles = random.int(20, 400);
    const speed = random.pick([4, 5, 5, 5, 6]);
    // Beam on for the time the scan takes to pass each vehicle, plus repeat scans of about one in ten.
    const beamOn = Math.round(vehicles * (SCAN_LENGTH_M / (speed / 3.6)) * random.uniform(1.0, 1.2));
    const crew = random.int(2, 3);
    const operators: string[] = [];
    while (operators.length < crew) {
      const badge = random.pick(OPERATORS);
      if (!operators.includes(badge)) operators.push(badge);
    }
    return [
      `DEP-${plan.date.slice(0, 4)}-${String(k + 1).padStart(3, "0")}`,
      // The sample does not model scheduling: each deployment takes either van.
      random.pick(DEVICES).device_id,
      formatNewYork(startMs),
      formatNewYork(endMs),
      plan.event,
      plan.location_type,
      plan.location,
      plan.restricted ? "yes" : "no",
      String(vehicles),
      String(beamOn),
      String(speed),
      String(random.pick([3, 4, 5, 5, 6, 8, 10])),
      operators.sort().join(";"),
      ""
    ];
  });
  return `${csvFormatRows([[...DEPLOYMENT_COLUMNS], ...rows])}\n`;
}
