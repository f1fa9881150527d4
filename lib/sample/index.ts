export * from "./generate.js";
export * from "./model.js";
export {CERTIFICATE_PLAN, CERTIFICATE_POINT_SIGMA} from "./certificates.js";
export {DEPLOYMENT_COLUMNS, EVENT_PLAN} from "./deployments.js";
export {INSTRUMENTS, READING_COLUMNS, type SampleInstrument} from "./readings.js";
export {formatSignificant, seededRandom, type Random} from "./random.js";
export {formatNewYork, newYorkOffsetMinutes, newYorkToUtc} from "./time.js";
