export * from "./problems.js";
export * from "./read-readings.js";
export * from "./clock.js";
export * from "./open-input.js";
