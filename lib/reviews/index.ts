export * from "./parse.js";
export * from "./apply.js";
