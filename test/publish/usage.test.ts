// How the devices were used and the state of their certificates and instruments (lib/publish/usage.ts), on a few
// hand-made deployments, certificates and readings, with totals and dates worked by hand.
import {describe, expect, it} from "vitest";
import {busiestYear, deploymentYear, NOT_STATED, outOfCalibration, publishCertificates, publishInstruments, summariseUse} from "../../lib/publish/usage.js";
import type {Certificate} from "../../lib/certificates/index.js";
import type {Deployment} from "../../lib/deployments/index.js";
import {TEST_NOW} from "../clock.js";
import {reading} from "../models/helpers.js";

function deployment(device_id: string, start: string, end: string, beam_on_s: number, vehicles_scanned: number, location_type: string, cordon_m: number): Deployment {
  return {
    deployment_id: `${device_id}@${start}`, device_id, start, start_ms: Date.parse(start), end, end_ms: Date.parse(end), event: "", location_type,
    location: null, location_restricted: false, vehicles_scanned, beam_on_s, scan_speed_km_per_h: 5, cordon_m, operators: [], notes: null,
    source: {file: "deployments.csv", line: 2}, extra: {}
  };
}

// Given out of time order. The 2026 one starts on 1 January in New York: 2026 in its own local time (2026-01-01T05:00Z).
const LOG = [
  deployment("VAN-2", "2025-06-01T09:00:00-04:00", "2025-06-01T17:00:00-04:00", 1800, 40, "street", 10),
  deployment("VAN-1", "2026-01-01T00:00:00-05:00", "2026-01-01T08:00:00-05:00", 7200, 100, "stadium", 8),
  deployment("VAN-1", "2025-12-31T23:00:00+09:00", "2026-01-01T02:00:00+09:00", 3600, 10, "street", 15),
  deployment("VAN-1", "2025-03-01T09:00:00-05:00", "2025-03-01T17:00:00-05:00", 5400, 60, "port", 12)
];

describe("summariseUse", () => {
  it("totals the deployments overall, per calendar year of their local start, per device and per kind of site", () => {
    expect(summariseUse(LOG)).toEqual({
      deployments: 4, vehicles: 210, beam_on_h: 5,
      first: "2025-03-01T09:00:00-05:00", last: "2026-01-01T08:00:00-05:00",
      by_year: [{year: 2025, deployments: 3, vehicles: 110, beam_on_h: 3}, {year: 2026, deployments: 1, vehicles: 100, beam_on_h: 2}],
      by_device: [{device_id: "VAN-1", deployments: 3, vehicles: 170, beam_on_h: 4.5}, {device_id: "VAN-2", deployments: 1, vehicles: 40, beam_on_h: 0.5}],
      by_event_type: [
        {location_type: "port", deployments: 1, vehicles: 60, beam_on_h: 1.5}, {location_type: "stadium", deployments: 1, vehicles: 100, beam_on_h: 2},
        {location_type: "street", deployments: 2, vehicles: 50, beam_on_h: 1.5}
      ],
      min_cordon_m: 8
    });
  });

  it("has nothing to say of an empty log", () => {
    expect(summariseUse([])).toEqual({deployments: 0, vehicles: 0, beam_on_h: 0, first: null, last: null, by_year: [], by_device: [], by_event_type: [], min_cordon_m: null});
  });

  it("takes the year written in the deployment's start", () => {
    expect(deploymentYear(LOG[2]!)).toBe(2025);
    expect(deploymentYear(LOG[1]!)).toBe(2026);
  });
});

describe("busiestYear", () => {
  it("picks the calendar year with the most beam-on time, not the most deployments", () => {
    // 2025: 1800 + 3600 + 5400 = 10 800 s in three deployments; 2026: 7200 s in one.
    const busiest = busiestYear(LOG)!;
    expect(busiest.year).toBe(2025);
    expect(busiest.deployments.map((d) => d.device_id + d.start.slice(0, 10)).sort()).toEqual(["VAN-12025-03-01", "VAN-12025-12-31", "VAN-22025-06-01"]);
    const long2026 = [...LOG, deployment("VAN-1", "2026-05-01T09:00:00-04:00", "2026-05-01T17:00:00-04:00", 3601, 1, "port", 20)];
    expect(busiestYear(long2026)!.year).toBe(2026);
    // A tie keeps the earlier year.
    const tie = [...LOG, deployment("VAN-1", "2026-05-01T09:00:00-04:00", "2026-05-01T17:00:00-04:00", 3600, 1, "port", 20)];
    expect(busiestYear(tie)!.year).toBe(2025);
    expect(busiestYear([])).toBeNull();
  });
});

function certificate(certificate_id: string, device_id: string, issued_on: string, next_due_on: string): Certificate {
  return {
    certificate_id, device_model: "Model X", device_id, issued_on, next_due_on, laboratory: {name: "Lab A", accreditation: null},
    source: {tube_voltage_kVp: 140, tube_current_mA: 1, filtration: "2.5 mm Al", effective_energy_keV: 58}, source_file: `certificates/${certificate_id}.json`
  } as Certificate;
}

describe("publishCertificates", () => {
  it("lists every certificate by device and date, the newest of each device current or lapsed as of the day, the others superseded", () => {
    const rows = publishCertificates([
      certificate("C-3", "VAN-2", "2025-11-01", "2026-11-29"),
      certificate("C-2", "VAN-1", "2025-12-01", "2026-12-01"),
      certificate("C-1", "VAN-1", "2024-12-01", "2025-12-01"),
      certificate("C-4", "VAN-3", "2025-11-30", "2026-11-30")
    ], TEST_NOW);
    expect(rows.map((r) => [r.device_id, r.certificate_date, r.status])).toEqual([
      ["VAN-1", "2024-12-01", "superseded"], ["VAN-1", "2025-12-01", "current"], ["VAN-2", "2025-11-01", "lapsed"], ["VAN-3", "2025-11-30", "current"]
    ]);
    expect(rows[1]).toEqual({
      device_id: "VAN-1", serial: "VAN-1", device_model: "Model X", certificate_date: "2025-12-01", next_due: "2026-12-01", laboratory: "Lab A",
      status: "current", effective_energy_keV: 58, source: "certificates/C-2.json"
    });
  });
});

describe("outOfCalibration", () => {
  it("is out of calibration only after twelve calendar months, clamped to the month's end", () => {
    const at = (measured: string, calibrated: string | null) => outOfCalibration(reading({measured_at: `${measured}T10:00:00-05:00`, instrument_calibrated_on: calibrated}));
    expect(at("2026-03-01", "2025-03-01")).toBe(false);
    expect(at("2026-03-02", "2025-03-01")).toBe(true);
    // 29 February 2024 + 12 months: 28 February 2025 is the last day.
    expect(at("2025-02-28", "2024-02-29")).toBe(false);
    expect(at("2025-03-01", "2024-02-29")).toBe(true);
    expect(at("2030-01-01", null)).toBe(false);
  });
});

describe("publishInstruments", () => {
  it("counts each instrument's readings, those out of calibration, and states its newest calibration's status on the day", () => {
    const r = (id: string | null, measured: string, calibrated: string | null, type: "rate-meter" | "integrating" | null = "rate-meter") =>
      reading({instrument_id: id, instrument_type: type, measured_at: `${measured}T10:00:00Z`, instrument_calibrated_on: calibrated, dosimeter_id: "BADGE-9"});
    const rows = publishInstruments([
      r("M-2", "2026-01-10", "2025-12-01"),
      r("M-1", "2025-06-01", "2025-01-15"),
      r("M-1", "2026-02-01", "2025-01-15"),
      r("M-1", "2026-03-01", "2025-11-30"),
      r("M-1", "2026-03-02", null),
      r("M-1", "2026-03-03", "2025-10-01"),
      r(null, "2026-01-01", null, null),
      r(null, "2026-01-02", null, null),
      r("M-3", "2025-11-30", "2025-11-29", "integrating")
    ], TEST_NOW);
    expect(rows).toEqual([
      // Newest calibration 2025-11-30: current to 2026-11-30, the build's day.
      {instrument_id: "M-1", instrument_type: "rate-meter", calibrated_on: "2025-11-30", readings: 5, readings_out_of_calibration: 1, status: "current"},
      {instrument_id: "M-2", instrument_type: "rate-meter", calibrated_on: "2025-12-01", readings: 1, readings_out_of_calibration: 0, status: "current"},
      // 2025-11-29 + 12 months is 2026-11-29: lapsed on 2026-11-30.
      {instrument_id: "M-3", instrument_type: "integrating", calibrated_on: "2025-11-29", readings: 1, readings_out_of_calibration: 0, status: "lapsed"},
      // Never the badge in place of the instrument.
      {instrument_id: NOT_STATED, instrument_type: null, calibrated_on: null, readings: 2, readings_out_of_calibration: 0, status: "not stated"}
    ]);
    expect(NOT_STATED).toBe("not stated");
  });

  it("takes a later reading's calibration date when the first reading states none", () => {
    const rows = publishInstruments([
      reading({instrument_id: "M-9", measured_at: "2026-01-01T00:00:00Z", instrument_calibrated_on: null}),
      reading({instrument_id: "M-9", measured_at: "2026-01-02T00:00:00Z", instrument_calibrated_on: "2025-12-15"})
    ], TEST_NOW);
    expect(rows).toEqual([{instrument_id: "M-9", instrument_type: null, calibrated_on: "2025-12-15", readings: 2, readings_out_of_calibration: 0, status: "current"}]);
  });
});
