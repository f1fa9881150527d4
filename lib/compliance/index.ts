export * from "./limits.js";
export * from "./verdict.js";
export * from "./scenarios.js";
export * from "./everyday.js";
export * from "./policy-claims.js";
export * from "./policy-diff.js";
export * from "./policy-versions.js";
