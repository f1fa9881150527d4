// Synthetic field readings: monthly measurement sessions per device, January 2024 to October 2026, with counting
// noise, calibration noise, background, a minimum detectable dose, a few outliers, a rate meter that under-reads
// the swept beam and a dosimeter whose calibration has run out. docs/sample-data.md states the model.
import {csvFormat} from "d3-dsv";
import type {InstrumentType, Quantity} from "../readings/types.js";
import {convert} from "../units/index.js";
import {ANGLES, BACKGROUND_uSv_per_h, DEVICES, rate_uSv_per_h, UR_PER_USV, type Angle, type SampleDevice} from "./model.js";
import {formatSignificant, type Random} from "./random.js";
import {formatNewYork, newYorkToUtc} from "./time.js";

export const READING_COLUMNS = [
  "reading_id", "device_id", "dosimeter_id", "measured_at", "distance", "distance_unit", "angle_deg", "duration",
  "duration_unit", "dose", "dose_unit", "quantity", "uncertainty", "background", "mdl", "instrument_type",
  "instrument_id", "instrument_calibrated_on", "notes"
] as const;

type Row = Record<(typeof READING_COLUMNS)[number], string>;

export interface SampleInstrument {
  id: string;
  type: InstrumentType;
  quantity: Quantity;
  /** The unit the instrument displays, written in the dose column. */
  unit: "uSv" | "urem" | "mrem" | "uR";
  /** Minimum detectable dose, in µSv of H*(10) (µR for the exposure meter are derived). */
  mdl_uSv: number;
  /** Dose per registered count, µSv: sets the Poisson counting noise. */
  quantum_uSv: number;
  /** Reading ÷ true dose: 1 for a calibrated integrating instrument. */
  response: number;
  /** Relative 1-sigma calibration (response) noise per reading. */
  calibration_sigma: number;
  /** Fixed calibration date, or null for "recalibrated every year in the first days of January". */
  calibrated_on: string | null;
}

export const INSTRUMENTS: readonly SampleInstrument[] = [
  ...["EPD-2231", "EPD-2232", "EPD-2233", "EPD-2234"].map((id): SampleInstrument => ({id, type: "integrating", quantity: "H*(10)", unit: "uSv", mdl_uSv: 1, quantum_uSv: 0.01, response: 1, calibration_sigma: 0.05, calibrated_on: null})),
  {id: "PIC-0781", type: "integrating", quantity: "H*(10)", unit: "urem", mdl_uSv: 0.05, quantum_uSv: 0.001, response: 1, calibration_sigma: 0.05, calibrated_on: null},
  {id: "PIC-0782", type: "integrating", quantity: "H*(10)", unit: "mrem", mdl_uSv: 0.05, quantum_uSv: 0.001, response: 1, calibration_sigma: 0.05, calibrated_on: null},
  // Rate meters misread the short pulses of a swept pencil beam (source not yet recorded: docs/sources.md): the sample
  // has this one read 70 % of the true exposure, a choice that makes the effect visible.
  {id: "RM-4410", type: "rate-meter", quantity: "exposure", unit: "uR", mdl_uSv: 0.05, quantum_uSv: 0.01, response: 0.7, calibration_sigma: 0.1, calibrated_on: null},
  // Out of calibration: last calibrated March 2023, used from June 2024, and reading 20 % high.
  {id: "EPD-1987", type: "integrating", quantity: "H*(10)", unit: "uSv", mdl_uSv: 1, quantum_uSv: 0.01, response: 1.2, calibration_sigma: 0.05, calibrated_on: "2023-03-02"}
];

const DISTANCES_M = [0.5, 1, 1.524, 2, 3, 3.048, 5, 7, 10];
const DURATIONS_S: readonly (readonly [number, number])[] = [[10, 2], [30, 1], [60, 2], [300, 3], [900, 2], [3600, 1]];
const READINGS_PER_INSTRUMENT = 15;
/** The rate meter is a spot check beside the dosimeters, not a series of its own. */
const READINGS_PER_RATE_METER = 4;
const OUTLIER_FACTORS = [10, 0.1, 12, 0.08, 6, 15, 0.2];

export interface ReadingsTruth {
  outlier_ids: string[];
  /** The outliers in the order they were made, with the factor applied and when they were taken. */
  outliers: {reading_id: string; factor: number; measured_at: string}[];
  out_of_calibration_instrument: string;
  rate_meter: string;
}

export interface GeneratedReadings {
  files: {path: string; content: string}[];
  truth: ReadingsTruth;
}

interface Draft {
  device: SampleDevice;
  ms: number;
  row: Omit<Row, "reading_id">;
  /** Eligible to become an outlier: a plain H*(10) reading above its MDL from a calibrated integrating dosimeter. */
  plain: boolean;
}

function doseIn(instrument: SampleInstrument, uSv: number): number {
  if (instrument.unit === "uR") return uSv * UR_PER_USV;
  return instrument.unit === "uSv" ? uSv : convert(uSv, "uSv", instrument.unit);
}

function distanceCell(distance_m: number, random: Random): [string, string] {
  if (distance_m === 1.524) return ["5", "ft"];
  if (distance_m === 3.048) return ["10", "ft"];
  if (distance_m === 0.5 && random.uniform(0, 1) < 0.5) return ["50", "cm"];
  return [String(distance_m), "m"];
}

function durationCell(duration_s: number): [string, string] {
  if (duration_s === 3600) return ["1", "h"];
  if (duration_s >= 60) return [String(duration_s / 60), "min"];
  return [String(duration_s), "s"];
}

/**
 * Each instrument's calibration date in a year (instrument id and year → date): one instrument has one calibration a
 * year, whichever session and device first uses it draws it, and every later record of that year repeats it.
 */
type Calibrations = Map<string, string>;

function session(device: SampleDevice, year: number, month: number, random: Random, calibrations: Calibrations): Draft[] {
  // Sessions fall between the 10th and the 28th, after the instruments' annual calibration in early January.
  let day = random.int(10, 26);
  while ([0, 6].includes(new Date(Date.UTC(year, month - 1, day)).getUTCDay())) day++;
  const start = newYorkToUtc(year, month, day, 9, 30);
  const drawn = `${year}-01-0${random.int(2, 9)}`;
  const calibratedOn = (id: string): string => {
    const key = `${id} ${year}`;
    if (!calibrations.has(key)) calibrations.set(key, drawn);
    return calibrations.get(key)!;
  };
  const phantom = random.uniform(0, 1) < 0.1;

  const epds = INSTRUMENTS.filter((i) => i.id.startsWith("EPD-22"));
  const pics = INSTRUMENTS.filter((i) => i.id.startsWith("PIC-"));
  const chosen = [random.pick(epds), random.pick(pics)];
  const yyyymm = year * 100 + month;
  const third = random.uniform(0, 1);
  if (yyyymm >= 202406 && yyyymm <= 202503 && third < 0.5) chosen.push(INSTRUMENTS.find((i) => i.id === "EPD-1987")!);
  else if (third < 0.8) chosen.push(INSTRUMENTS.find((i) => i.id === "RM-4410")!);
  else chosen.push(random.pick(epds.filter((e) => e !== chosen[0])));

  const drafts: Draft[] = [];
  for (const instrument of chosen) {
    let t = start;
    const count = instrument.type === "rate-meter" ? READINGS_PER_RATE_METER : READINGS_PER_INSTRUMENT;
    for (let k = 0; k < count; k++) {
      const distance = random.pick(DISTANCES_M);
      const angle: Angle = random.pick(ANGLES);
      const duration = random.weighted(DURATIONS_S);
      const angleKnown = random.uniform(0, 1) >= 0.05;
      const signal = (rate_uSv_per_h(device, distance, angle) * duration) / 3600;
      const background = (BACKGROUND_uSv_per_h * duration) / 3600;
      // Counting noise: the instrument registers whole quanta of dose; the calibration noise multiplies it all.
      const counts = random.poisson(((signal + background) * instrument.response) / instrument.quantum_uSv);
      const gross = Math.max(0, counts * instrument.quantum_uSv * (1 + random.normal(0, instrument.calibration_sigma)));
      const sigma = Math.hypot(Math.sqrt(Math.max(counts, 1)) * instrument.quantum_uSv, instrument.calibration_sigma * gross);
      const quantity: Quantity = phantom && instrument.id.startsWith("EPD") ? "Hp(10)" : instrument.quantity;
      const [distanceValue, distanceUnit] = distanceCell(distance, random);
      const [durationValue, durationUnit] = durationCell(duration);
      drafts.push({
        device,
        ms: t,
        plain: instrument.type === "integrating" && instrument.response === 1 && quantity === "H*(10)" && instrument.unit === "uSv" && angleKnown && gross >= instrument.mdl_uSv,
        row: {
          device_id: device.device_id,
          dosimeter_id: instrument.id,
          measured_at: formatNewYork(t),
          distance: distanceValue,
          distance_unit: distanceUnit,
          angle_deg: angleKnown ? String(angle) : "",
          duration: durationValue,
          duration_unit: durationUnit,
          dose: formatSignificant(doseIn(instrument, gross), 4),
          dose_unit: instrument.unit === "uSv" ? "µSv" : instrument.unit === "urem" ? "µrem" : instrument.unit,
          quantity,
          uncertainty: instrument.type === "rate-meter" ? "20%" : formatSignificant(doseIn(instrument, sigma), 2),
          background: formatSignificant(doseIn(instrument, background), 3),
          mdl: formatSignificant(doseIn(instrument, instrument.mdl_uSv), 3),
          instrument_type: instrument.type,
          instrument_id: instrument.id,
          instrument_calibrated_on: instrument.calibrated_on ?? calibratedOn(instrument.id),
          notes: quantity === "Hp(10)" ? "dosimeter on ISO slab phantom" : ""
        }
      });
      // The next reading starts after this one plus a minute to move the stand.
      t += (duration + 60) * 1000;
    }
  }
  return drafts;
}

export function generateReadings(random: Random): GeneratedReadings {
  const byFile = new Map<string, Draft[]>();
  const calibrations: Calibrations = new Map();
  for (const device of DEVICES) {
    for (let year = 2024; year <= 2026; year++) {
      for (let month = 1; month <= (year === 2026 ? 10 : 12); month++) {
        const drafts = session(device, year, month, random, calibrations);
        const key = `${device.device_id}-${year}`;
        byFile.set(key, [...(byFile.get(key) ?? []), ...drafts]);
      }
    }
  }
  const rows: {key: string; row: Row; plain: boolean}[] = [];
  for (const [key, drafts] of byFile) {
    // Instruments of one session measure side by side: the file is in time order, ties by instrument.
    drafts.sort((a, b) => a.ms - b.ms || (a.row.instrument_id < b.row.instrument_id ? -1 : 1));
    drafts.forEach((d, k) => rows.push({key, plain: d.plain, row: {reading_id: `${key}-${String(k + 1).padStart(4, "0")}`, ...d.row}}));
  }

  // A handful of outliers among otherwise ordinary readings, with nothing in the notes to give them away.
  const outliers: ReadingsTruth["outliers"] = [];
  const eligible = rows.filter((r) => r.plain);
  for (const factor of OUTLIER_FACTORS) {
    const target = eligible.splice(random.int(0, eligible.length - 1), 1)[0]!;
    target.row.dose = formatSignificant(Number(target.row.dose) * factor, 4);
    outliers.push({reading_id: target.row.reading_id, factor, measured_at: target.row.measured_at});
  }

  const files = [...byFile.keys()].map((key) => ({
    path: `data/readings/${key}.csv`,
    content: `${csvFormat(rows.filter((r) => r.key === key).map((r) => r.row), [...READING_COLUMNS])}\n`
  }));
  return {files, truth: {outlier_ids: outliers.map((o) => o.reading_id).sort(), outliers, out_of_calibration_instrument: "EPD-1987", rate_meter: "RM-4410"}};
}
