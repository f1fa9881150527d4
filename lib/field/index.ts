export * from "./formulas.js";
export * from "./grid.js";
export * from "./exclusion.js";
