export * from "./predict.js";
export * from "./scenario.js";
export * from "./inverse.js";
export * from "./student-t.js";
