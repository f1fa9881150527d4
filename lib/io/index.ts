export * from "./problems.js";
export * from "./read-readings.js";
