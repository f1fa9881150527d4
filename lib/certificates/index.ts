export * from "./types.js";
export * from "./parse.js";
export * from "./status.js";
export * from "./points.js";
export {JsonSyntaxError, parseJsonWithPositions, type JsonPosition, type JsonValue} from "./json.js";
