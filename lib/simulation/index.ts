export * from "./random.js";
export * from "./stats.js";
export * from "./parameters.js";
export * from "./montecarlo.js";
export * from "./checkpoint.js";
