import {describe, expect, it} from "vitest";
import {certificateStatus, latestCertificates} from "../../lib/certificates/index.js";

const cert = {certificate_id: "CAL-1", device_id: "ZBV-0417", next_due_on: "2025-02-14", source_file: "data/certificates/x.json"};

describe("certificateStatus", () => {
  it("is current up to the end of the due date", () => {
    expect(certificateStatus(cert, new Date("2024-06-01T12:00:00Z"))).toEqual({status: "current", days_overdue: 0, problem: null});
    expect(certificateStatus(cert, new Date("2025-02-14T23:59:59Z"))).toMatchObject({status: "current", days_overdue: 0});
  });

  it("is current on the whole due date, the day before and the first instant of it included", () => {
    for (const asOf of ["2025-02-13T23:59:59.999Z", "2025-02-14T00:00:00Z", "2025-02-14T12:00:00Z", "2025-02-14T23:59:59.999Z"]) {
      expect(certificateStatus(cert, new Date(asOf))).toEqual({status: "current", days_overdue: 0, problem: null});
    }
  });

  it("says '1 day overdue' on the first day after the due date", () => {
    expect(certificateStatus(cert, new Date("2025-02-15T00:00:00Z")).problem?.message).toMatch(/is 1 day overdue:/);
  });

  it("lapses the day after, counting whole days", () => {
    expect(certificateStatus(cert, new Date("2025-02-15T00:00:00Z"))).toMatchObject({status: "lapsed", days_overdue: 1});
    // 14 days left in February 2025 (15th to 28th inclusive) plus 16 in March.
    expect(certificateStatus(cert, new Date("2025-03-16T08:00:00Z"))).toMatchObject({status: "lapsed", days_overdue: 30});
  });

  it("makes a lapsed certificate a warning naming the file, the due date and what to do", () => {
    const {problem} = certificateStatus(cert, new Date("2025-02-16T00:00:00Z"));
    expect(problem).toEqual({
      severity: "warning",
      code: "certificate-lapsed",
      file: "data/certificates/x.json",
      column: "$.next_due_on",
      message: expect.stringMatching(/CAL-1 for device ZBV-0417 was due for renewal on 2025-02-14 and is 2 days overdue: have the device recalibrated/)
    });
  });
});

describe("latestCertificates", () => {
  it("keeps the newest certificate of each device, devices in order", () => {
    const certs = [
      {device_id: "B", issued_on: "2025-03-01", id: 1},
      {device_id: "A", issued_on: "2024-02-01", id: 2},
      {device_id: "B", issued_on: "2026-03-01", id: 3},
      {device_id: "A", issued_on: "2026-01-01", id: 4},
      {device_id: "A", issued_on: "2025-01-01", id: 5}
    ];
    expect(latestCertificates(certs).map((c) => c.id)).toEqual([4, 3]);
  });
});
