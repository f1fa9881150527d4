// The fixed "now" of the test suite: tests pass it explicitly wherever a date matters, so no test depends on the day
// it runs. After the sample data's newest reading (2026-10-23) and its certificates' issue dates.
export const TEST_NOW = new Date("2026-11-30T12:00:00Z");
