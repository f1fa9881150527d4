import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseCertificate, type Certificate} from "../../lib/certificates/index.js";
import type {Problem} from "../../lib/io/index.js";

const FIXTURE = "test/fixtures/certificates/valid.json";
const text = readFileSync(FIXTURE, "utf8");
const base = () => JSON.parse(text) as Record<string, any>;
const parse = (json: unknown) => parseCertificate(JSON.stringify(json, null, 2), "cert.json");
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === "error");
const warnings = (problems: Problem[]) => problems.filter((p) => p.severity === "warning");

describe("parseCertificate: a valid certificate", () => {
  const {certificate, problems} = parseCertificate(text, FIXTURE);
  const cert = certificate as Certificate;

  it("has no problems", () => {
    expect(problems).toEqual([]);
    expect(cert).not.toBeNull();
  });

  it("keeps identity, dates and laboratory", () => {
    expect(cert.certificate_id).toBe("CAL-TEST-0001");
    expect(cert.device_id).toBe("ZBV-TEST");
    expect(cert.device_model).toBe("Test van");
    expect(cert.issued_on).toBe("2025-02-14");
    expect(cert.next_due_on).toBe("2026-02-14");
    expect(cert.laboratory).toEqual({name: "Test Laboratory", accreditation: "ISO/IEC 17025 (test)"});
    expect(cert.synthetic).toBe(false);
    expect(cert.remarks).toBe("Hand-made test certificate.");
  });

  it("converts source and beam settings to the units their fields name", () => {
    // 1500 µA = 1.5 mA; 0.6 cm = 6 mm.
    expect(cert.source.tube_voltage_kVp).toBeCloseTo(125, 10);
    expect(cert.source.tube_current_mA).toBeCloseTo(1.5, 12);
    expect(cert.source.filtration).toBe("2.5 mm Al");
    expect(cert.source.effective_energy_keV).toBeCloseTo(60, 10);
    expect(cert.beam.spot_size_mm).toBeCloseTo(6, 12);
    expect(cert.beam.divergence_deg).toBeCloseTo(0.5, 12);
    expect(cert.beam.scan_line_rate_Hz).toBe(30);
    expect(cert.beam.nominal_scan_speed_km_per_h).toBeCloseTo(5, 12);
  });

  it("turns the policy's 0.016 mrem in 10 s at 5 ft into 57.6 µSv/h at 1.524 m", () => {
    const p = cert.reference_points[0]!;
    expect(p.distance_m).toBeCloseTo(1.524, 12); // 5 × 0.3048 m
    expect(p.dose).toBeCloseTo(0.16, 12); // 0.016 mrem × 10 µSv/mrem
    expect(p.duration_s).toBe(10);
    expect(p.rate_per_h).toBeCloseTo(57.6, 10); // 0.16 µSv / 10 s × 3600 s/h
    expect(p.sigma_per_h).toBeCloseTo(4.608, 10); // 8 % of 57.6
    expect(p.unit).toBe("uSv");
    expect(p.angle_deg).toBe(0);
    expect(p.instrument).toEqual({id: "PIC-1", type: "integrating", calibrated_on: "2024-12-01"});
    expect(p.path).toBe("$.reference_points[0]");
    expect(p.line).toBe(10); // the "{" of the first point in the fixture
  });

  it("takes a dose rate as given, with an absolute uncertainty", () => {
    const p = cert.reference_points[1]!;
    expect(p.distance_m).toBeCloseTo(3.048, 12);
    expect(p.dose).toBeNull();
    expect(p.duration_s).toBeNull();
    expect(p.rate_per_h).toBeCloseTo(14.4, 12);
    expect(p.sigma_per_h).toBeCloseTo(1.2, 12);
  });

  it("keeps an air-kerma point in µGy, without an angle", () => {
    const p = cert.reference_points[2]!;
    expect(p).toMatchObject({quantity: "air-kerma", unit: "uGy", angle_deg: null, dose: 0.5, duration_s: 60});
    expect(p.distance_m).toBeCloseTo(1, 12);
    expect(p.rate_per_h).toBeCloseTo(30, 12); // 0.5 µGy per minute
    expect(p.sigma_per_h).toBeCloseTo(3, 12);
  });

  it("converts leakage and the per-scan dose", () => {
    expect(cert.leakage).toHaveLength(1);
    expect(cert.leakage[0]!.rate_per_h).toBeCloseTo(0.5, 12); // 0.05 mrem/h = 0.5 µSv/h
    expect(cert.leakage[0]!.sigma_per_h).toBeCloseTo(0.1, 12);
    expect(cert.scan_plane_dose.dose).toBeCloseTo(0.05, 12); // 5 µrem = 0.05 µSv
    expect(cert.scan_plane_dose.sigma).toBeCloseTo(0.005, 12);
    expect(cert.scan_plane_dose.distance_m).toBe(1.5);
  });
});

describe("parseCertificate: JSON syntax errors give line and character", () => {
  it("a trailing comma", () => {
    const {certificate, problems} = parseCertificate('{\n  "certificate_id": "X",\n}\n', "bad.json");
    expect(certificate).toBeNull();
    expect(problems).toEqual([
      {severity: "error", file: "bad.json", line: 3, message: expect.stringMatching(/^not valid JSON at character 1: .*remove the trailing comma/)}
    ]);
  });

  it("a missing comma between properties", () => {
    const {problems} = parseCertificate('{\n  "a": 1\n  "b": 2\n}', "bad.json");
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.message).toMatch(/at character 3: expected "," or "}"/);
  });

  it("an unclosed string", () => {
    const {problems} = parseCertificate('{"a": "open', "bad.json");
    expect(problems[0]!.line).toBe(1);
    expect(problems[0]!.message).toMatch(/at character 7: a string is never closed/);
  });

  it("an empty file", () => {
    const {problems} = parseCertificate("", "empty.json");
    expect(problems[0]!.line).toBe(1);
    expect(problems[0]!.message).toMatch(/at character 1: .*the end of the file/);
  });

  it("a root that is not an object", () => {
    const {certificate, problems} = parseCertificate("[1, 2]", "list.json");
    expect(certificate).toBeNull();
    expect(problems).toEqual([{severity: "error", file: "list.json", line: 1, column: "$", message: expect.stringContaining("must be a JSON object")}]);
  });
});

/** One mutation of the valid certificate and the error it must produce. */
interface Case {
  name: string;
  change: (c: Record<string, any>) => void;
  column: string;
  message: RegExp;
}

const CASES: Case[] = [
  {name: "missing certificate id", change: (c) => delete c.certificate_id, column: "$.certificate_id", message: /missing "certificate_id"/},
  {name: "missing device serial", change: (c) => delete c.device.serial, column: "$.device.serial", message: /missing "serial"/},
  {name: "impossible date", change: (c) => (c.issued_on = "2025-02-30"), column: "$.issued_on", message: /not a date: write it as YYYY-MM-DD/},
  {name: "US-style date", change: (c) => (c.next_due_on = "02/14/2026"), column: "$.next_due_on", message: /YYYY-MM-DD/},
  {name: "due before issue", change: (c) => (c.next_due_on = "2024-02-14"), column: "$.next_due_on", message: /not after the issue date/},
  {name: "bare number distance", change: (c) => (c.reference_points[0].distance = 1.5), column: "$.reference_points[0].distance", message: /bare number does not say its unit/},
  {name: "distance in seconds", change: (c) => (c.reference_points[1].distance = "10 s"), column: "$.reference_points[1].distance", message: /cannot express 10 s in m/},
  {name: "unknown unit", change: (c) => (c.reference_points[0].duration = "10 fortnightz"), column: "$.reference_points[0].duration", message: /not a unit this product knows.*"10 s"/},
  {name: "dose in gray for H*(10)", change: (c) => (c.reference_points[0].dose = "0.16 uGy"), column: "$.reference_points[0].dose", message: /not in a unit of the stated quantity: use uSv/},
  {name: "rate given as a dose", change: (c) => (c.reference_points[1].dose_rate = "14.4 uSv"), column: "$.reference_points[1].dose_rate", message: /use uSv\/h/},
  {name: "unknown quantity", change: (c) => (c.reference_points[0].quantity = "H*(07)"), column: "$.reference_points[0].quantity", message: /"H\*\(07\)" is not a quantity.*H\*\(10\), Hp\(10\)/},
  {name: "dose and rate both", change: (c) => (c.reference_points[0].dose_rate = "57.6 uSv/h"), column: "$.reference_points[0]", message: /either "dose" with "duration" or "dose_rate", not both/},
  {name: "neither dose nor rate", change: (c) => delete c.reference_points[1].dose_rate, column: "$.reference_points[1]", message: /missing the measurement/},
  {name: "negative dose", change: (c) => (c.reference_points[0].dose = "-0.16 uSv"), column: "$.reference_points[0].dose", message: /must not be negative/},
  {name: "zero duration", change: (c) => (c.reference_points[0].duration = "0 s"), column: "$.reference_points[0].duration", message: /greater than zero/},
  {name: "angle out of range", change: (c) => (c.reference_points[0].angle_deg = 400), column: "$.reference_points[0].angle_deg", message: /0 to less than 360/},
  {name: "missing uncertainty", change: (c) => delete c.reference_points[0].uncertainty, column: "$.reference_points[0].uncertainty", message: /1-sigma uncertainty as a percentage/},
  {name: "zero percent uncertainty", change: (c) => (c.reference_points[0].uncertainty = "0%"), column: "$.reference_points[0].uncertainty", message: /cannot be right/},
  {name: "unknown instrument type", change: (c) => (c.reference_points[0].instrument.type = "badge"), column: "$.reference_points[0].instrument.type", message: /"integrating" or "rate-meter"/},
  {name: "missing instrument", change: (c) => delete c.reference_points[2].instrument, column: "$.reference_points[2].instrument", message: /missing instrument/},
  {name: "no reference points", change: (c) => (c.reference_points = []), column: "$.reference_points", message: /non-empty array/},
  {name: "missing leakage", change: (c) => delete c.leakage, column: "$.leakage", message: /or \[\] when the certificate has none/},
  {name: "leakage without location", change: (c) => delete c.leakage[0].location, column: "$.leakage[0].location", message: /missing "location"/},
  {name: "scan-plane dose missing", change: (c) => delete c.scan_plane_dose, column: "$.scan_plane_dose", message: /missing scan_plane_dose/},
  {name: "tube voltage in keV", change: (c) => (c.source.tube_voltage = "125 keV"), column: "$.source.tube_voltage", message: /cannot express 125 keV in kV.*"125 kV"/},
  {name: "synthetic not boolean", change: (c) => (c.synthetic = "yes"), column: "$.synthetic", message: /true or false/}
];

describe("parseCertificate: each schema error names its JSON path and the fix", () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const json = base();
      testCase.change(json);
      const {certificate, problems} = parse(json);
      expect(certificate).toBeNull();
      const errs = errors(problems);
      expect(errs).toHaveLength(1);
      expect(errs[0]!.column).toBe(testCase.column);
      expect(errs[0]!.message).toMatch(testCase.message);
      expect(errs[0]!.file).toBe("cert.json");
      expect(errs[0]!.line).toBeGreaterThan(0);
    });
  }

  it("reports every error, not only the first", () => {
    const json = base();
    json.issued_on = "yesterday";
    json.reference_points[0].distance = "far";
    json.reference_points[2].quantity = "kerma";
    const columns = errors(parse(json).problems).map((p) => p.column);
    expect(columns).toEqual(["$.issued_on", "$.reference_points[0].distance", "$.reference_points[2].quantity"]);
  });

  it("gives the line of the offending value", () => {
    const json = JSON.parse(text);
    json.reference_points[1].distance = "10 s";
    // The fixture is re-serialised, so find the line independently in the text that is parsed.
    const serialised = JSON.stringify(json, null, 2);
    const expected = serialised.split("\n").findIndex((l) => l.includes('"10 s"') && l.includes("distance")) + 1;
    const {problems} = parseCertificate(serialised, "cert.json");
    expect(expected).toBeGreaterThan(1);
    expect(errors(problems)[0]!.line).toBe(expected);
  });
});

describe("parseCertificate: warnings do not refuse the certificate", () => {
  it("an unknown property (a likely typo)", () => {
    const json = base();
    json.reference_points[0].distnace = "2 m";
    const {certificate, problems} = parse(json);
    expect(certificate).not.toBeNull();
    expect(warnings(problems)).toEqual([expect.objectContaining({column: "$.reference_points[0].distnace", message: expect.stringMatching(/check its spelling/)})]);
  });

  it("an instrument calibrated more than 12 months before the certificate", () => {
    const json = base();
    json.reference_points[0].instrument.calibrated_on = "2023-12-01";
    const {certificate, problems} = parse(json);
    expect(certificate).not.toBeNull();
    expect(warnings(problems)).toEqual([expect.objectContaining({column: "$.reference_points[0].instrument.calibrated_on", message: expect.stringMatching(/more than 12 months/)})]);
  });

  it("a rate meter", () => {
    const json = base();
    json.reference_points[1].instrument.type = "rate-meter";
    const {certificate, problems} = parse(json);
    expect(certificate!.reference_points[1]!.instrument.type).toBe("rate-meter");
    expect(warnings(problems)[0]!.message).toMatch(/misread the short pulses/);
  });
});

describe("parseCertificate: the bad fixture (also used by loader tests)", () => {
  it("test/fixtures/certificates/bad-distance.json is refused at its line and path", () => {
    const file = "test/fixtures/certificates/bad-distance.json";
    const content = readFileSync(file, "utf8");
    const line = content.split("\n").findIndex((l) => l.includes('"distance": 10')) + 1;
    const {certificate, problems} = parseCertificate(content, file);
    expect(certificate).toBeNull();
    expect(problems).toEqual([{severity: "error", file, line, column: "$.reference_points[1].distance", message: expect.stringMatching(/bare number/)}]);
  });
});
