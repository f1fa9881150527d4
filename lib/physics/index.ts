export * from "./table.js";
export * from "./air.js";
export * from "./dose-coefficients.js";
export * from "./convert-dose.js";
export * from "./buildup.js";
