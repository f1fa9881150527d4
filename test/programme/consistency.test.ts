// Whether a folder's files agree: hand-made readings, certificates and deployment logs read with the real parsers,
// each disagreement reported once, on the file and line where it shows, with its consequence.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseCertificate, type Certificate} from "../../lib/certificates/index.js";
import {parseDeploymentLog} from "../../lib/deployments/index.js";
import {parseReadingsCsv} from "../../lib/readings/index.js";
import {crossFileProblems} from "../../lib/programme/consistency.js";
import {TEST_NOW} from "../clock.js";

const READINGS_HEADER = "reading_id,device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit,instrument_type,instrument_id,instrument_calibrated_on";
const readings = (file: string, ...rows: string[]) => {
  const parsed = parseReadingsCsv([READINGS_HEADER, ...rows].join("\n") + "\n", file, {now: TEST_NOW});
  expect(parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
  return parsed.readings;
};
const reading = (id: string, device: string, day: string, instrument = "EPD-1", calibrated = "2025-01-05") =>
  `${id},${device},${day}T10:00:00Z,2,m,60,s,0.5,uSv,integrating,${instrument},${calibrated}`;

const CERT = JSON.parse(readFileSync("test/fixtures/certificates/valid.json", "utf8")) as Record<string, unknown>;
/** The fixture certificate for another device and period (issued_on to next_due_on). */
function certificate(serial: string, issued: string, due: string, file = `certificates/${serial}-${issued}.json`): Certificate {
  const parsed = parseCertificate(JSON.stringify({...CERT, device: {model: "Test van", serial}, issued_on: issued, next_due_on: due}, null, 2), file);
  expect(parsed.certificate).not.toBeNull();
  return parsed.certificate!;
}

const DEPLOYMENTS_HEADER = "deployment_id,device_id,start,end,event,location_type,location,location_restricted,vehicles_scanned,beam_on_s,scan_speed_km_per_h,cordon_m,operators,notes";
const deployments = (...rows: string[]) => parseDeploymentLog([DEPLOYMENTS_HEADER, ...rows].join("\n") + "\n", "deployments/log.csv").deployments;
const deployment = (id: string, device: string) => `${id},${device},2025-09-22T06:00:00-04:00,2025-09-22T20:00:00-04:00,fair,street checkpoint,,no,10,600,5,5,OP-1,`;

describe("crossFileProblems", () => {
  it("finds nothing wrong when every device has covering certificates and deployments", () => {
    const problems = crossFileProblems({
      readings: readings("readings/a.csv", reading("R1", "VAN-01", "2025-03-01"), reading("R2", "VAN-01", "2025-06-01")),
      certificates: [certificate("VAN-01", "2025-02-14", "2026-02-14")],
      deployments: deployments(deployment("D1", "VAN-01")),
      deploymentsPlace: "deployments/log.csv"
    });
    expect(problems).toEqual([]);
  });

  it("warns about a device with readings and no certificate, naming the consequence, at its first reading", () => {
    const problems = crossFileProblems({
      readings: readings("readings/van.csv", reading("R1", "VAN-01", "2025-03-01"), reading("R2", "VAN-01", "2025-03-02")),
      certificates: [],
      deployments: deployments(deployment("D1", "VAN-01")),
      deploymentsPlace: "deployments/log.csv"
    });
    expect(problems).toEqual([{
      severity: "warning", code: "device-without-certificate", file: "readings/van.csv", line: 2, column: "device_id",
      message: expect.stringMatching(/^device VAN-01 has 2 readings but no calibration certificate in certificates\/: its effective energy is taken as 60 keV .*inside a scanned vehicle cannot be determined/)
    }]);
  });

  it("warns about readings on days no certificate covers, once per device, with their span", () => {
    const problems = crossFileProblems({
      readings: readings("readings/a.csv",
        reading("R1", "VAN-01", "2025-02-13"), // the day before the first certificate
        reading("R2", "VAN-01", "2025-02-14"), // its issue date: covered
        reading("R3", "VAN-01", "2026-02-14"), // its due date: covered
        reading("R4", "VAN-01", "2026-02-20") // after the due date, before the next
      ),
      certificates: [certificate("VAN-01", "2025-02-14", "2026-02-14"), certificate("VAN-01", "2026-03-01", "2027-03-01")],
      deployments: deployments(deployment("D1", "VAN-01")),
      deploymentsPlace: "deployments/log.csv"
    });
    expect(problems).toEqual([{
      severity: "warning", code: "readings-uncovered-by-certificate", file: "readings/a.csv", line: 2, column: "measured_at",
      message: expect.stringMatching(/^2 readings of device VAN-01 \(2025-02-13 to 2026-02-20\) were taken on days no certificate of the device covers/)
    }]);
  });

  it("warns when a device has no deployments, and when deployments or certificates name a device without readings", () => {
    const problems = crossFileProblems({
      readings: readings("readings/a.csv", reading("R1", "VAN-01", "2025-03-01")),
      certificates: [certificate("VAN-01", "2025-02-14", "2026-02-14"), certificate("VAN-09", "2025-02-14", "2026-02-14")],
      deployments: deployments(deployment("D1", "VAN-1"), deployment("D2", "VAN-1")),
      deploymentsPlace: "deployments/log.csv"
    });
    expect(problems.map((p) => [p.file, p.line ?? null, p.message.slice(0, 60)])).toEqual([
      ["deployments/log.csv", null, "device VAN-01 has no deployments in the log: how long and ho"],
      ["deployments/log.csv", 2, "device VAN-1 has 2 deployments but no readings and no certif"],
      ["certificates/VAN-09-2025-02-14.json", null, "certificate CAL-TEST-0001 is for device VAN-09, which has no"]
    ]);
    expect(problems[0]!.message).toMatch(/worst hour, the cordon, the operators' doses and the public's annual dose cannot be determined/);
    expect(problems[1]!.message).toMatch(/If "VAN-1" is a typo for another device's id, that device's use is undercounted/);
  });

  it("warns when an instrument's calibration date goes back in time, or differs on one day, across files", () => {
    const problems = crossFileProblems({
      readings: [
        ...readings("readings/a.csv", reading("R1", "VAN-01", "2025-03-01", "EPD-1", "2025-01-05"), reading("R2", "VAN-01", "2025-04-01", "EPD-1", "2025-01-05")),
        ...readings("readings/b.csv",
          reading("S1", "VAN-01", "2025-05-01", "EPD-1", "2025-01-02"), // later reading, older calibration
          reading("S2", "VAN-01", "2025-05-02", "EPD-1", "2025-01-02"), // the same conflict: reported once
          reading("S3", "VAN-01", "2026-02-01", "EPD-1", "2026-01-05"), // recalibrated: fine
          reading("S4", "VAN-01", "2025-03-01", "EPD-2", "2025-01-05"),
          reading("S5", "VAN-01", "2025-03-01", "EPD-2", "2025-01-07") // same day, another calibration
        )
      ],
      certificates: [certificate("VAN-01", "2025-02-14", "2026-02-14")],
      deployments: deployments(deployment("D1", "VAN-01")),
      deploymentsPlace: "deployments/log.csv"
    });
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.column}: ${p.message}`)).toEqual([
      "readings/b.csv:2: instrument_calibrated_on: instrument EPD-1 is recorded here (2025-05-01) as calibrated on 2025-01-02, but readings/a.csv:2 (2025-03-01, earlier) says it was calibrated on 2025-01-05: a later record cannot name an older calibration; correct one of the two",
      "readings/b.csv:6: instrument_calibrated_on: instrument EPD-2 is recorded on 2025-03-01 as calibrated on 2025-01-07 here and on 2025-01-05 at readings/b.csv:5: one instrument has one calibration on a given day; correct one of the two"
    ]);
  });

  it("compares the instruments named in certificates with those of the readings", () => {
    // The fixture certificate's points were measured with PIC-1, calibrated 2024-12-01, on its issue date 2025-02-14.
    const problems = crossFileProblems({
      readings: readings("readings/a.csv", reading("R1", "VAN-01", "2025-01-20", "PIC-1", "2025-01-10")),
      certificates: [certificate("VAN-01", "2025-01-15", "2026-01-15"), certificate("VAN-01", "2025-02-14", "2026-02-14", "certificates/later.json")],
      deployments: deployments(deployment("D1", "VAN-01")),
      deploymentsPlace: "deployments/log.csv"
    });
    expect(problems).toEqual([expect.objectContaining({
      file: "certificates/later.json", column: "$.reference_points[0].instrument.calibrated_on",
      message: expect.stringMatching(/^instrument PIC-1 is recorded here \(2025-02-14\) as calibrated on 2024-12-01, but readings\/a.csv:2 \(2025-01-20, earlier\) says it was calibrated on 2025-01-10/)
    })]);
  });
});
