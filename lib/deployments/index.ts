export * from "./types.js";
export * from "./parse.js";
export * from "./summarise.js";
export * from "./beam-on.js";
