import {describe, expect, it} from "vitest";
import {formatDate, formatDateTime} from "../../src/components/format.js";

describe("date formatting keeps the time where it was recorded", () => {
  it("shows the local time and its offset, not the viewer's time zone", () => {
    expect(formatDateTime("2026-03-14T09:30:00-04:00")).toBe("2026-03-14 09:30 (−04:00)");
    expect(formatDateTime("2026-03-14T13:30:00.250Z")).toBe("2026-03-14 13:30 (UTC)");
    expect(formatDateTime("2026-03-14")).toBe("2026-03-14");
    expect(formatDate("2026-03-14T23:59:59+05:30")).toBe("2026-03-14");
  });
});
