export * from "./parameters.js";
export * from "./model.js";
export * from "./timing.js";
export * from "./buffer.js";
