export * from "./parameters.js";
export * from "./timing.js";
export * from "./model.js";
export * from "./dose.js";
export * from "./tradeoff.js";
export * from "./buffer.js";
