export * from "./types.js";
export * from "./definitions.js";
export * from "./fit.js";
export * from "./points.js";
export * from "./compare.js";
export * from "./groups.js";
export * from "./reference.js";
