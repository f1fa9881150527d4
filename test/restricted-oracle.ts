// The restricted-data oracle: a data folder with a planted, distinctive value in every restricted field
// (docs/restricted-data.md), and the list of those values written out here, independently of the product's own
// lib/publish/restricted.ts. The unit test (test/publish/restricted-oracle.test.ts) and the built-site test
// (test/e2e/restricted-oracle.test.ts) both look for each one.
//
// Each entry is a marker: a token that occurs only in the planted value (a note is found even if only part of it
// leaked) and is written with letters, digits and hyphens only, so no HTML, JSON or CSV escaping can hide it.

export const ORACLE_DATA_DIR = "test/fixtures/programmes/restricted-oracle";

export interface Planted {
  /** Where the value is planted: file and column. */
  field: string;
  marker: string;
  /** The internal build shows this field, so it must be found there (which shows the scan can see it). */
  internal: boolean;
}

export const PLANTED: readonly Planted[] = [
  {field: "readings dosimeter_id (a badge, not the instrument)", marker: "BADGE-QV7314", internal: true},
  {field: "readings dosimeter_id (a badge, not the instrument)", marker: "BADGE-QV7315", internal: true},
  {field: "readings dosimeter_id on a row with no instrument_id", marker: "BADGE-QV7399", internal: true},
  {field: "readings notes", marker: "Quarrington", internal: true},
  {field: "readings worn_by (a column the format does not define: the wearer)", marker: "Vantongeren", internal: false},
  {field: "deployments operators (a name)", marker: "Brackenridge", internal: true},
  {field: "deployments operators (a badge)", marker: "OPB-77134", internal: true},
  {field: "deployments operators (a badge)", marker: "OPB-77135", internal: true},
  {field: "deployments notes", marker: "Pemberstone", internal: true},
  {field: "deployments location where location_restricted is yes", marker: "Wrenfield", internal: true},
  {field: "deployments vehicle_plate (a column the format does not define)", marker: "KZQ-4471", internal: false},
  {field: "reviews reviewed_by of an exclusion (a name)", marker: "Oksendahl", internal: true},
  // A note's reviewer: the internal build shows who excluded a reading, not who wrote a note.
  {field: "reviews reviewed_by of a note (a staff id)", marker: "RSO-QV8812", internal: false}
];

/** Values of the fixture that are public: the scan must find them in the public build, or it sees nothing. */
export const PUBLIC_CONTROLS: readonly Planted[] = [
  {field: "deployments location where location_restricted is no", marker: "Foxglove", internal: true},
  {field: "readings instrument_id", marker: "EPD-2231", internal: true}
];

/** The markers found in a text, ignoring case and the typographic hyphens a formatter might substitute. */
export function markersIn(text: string, planted: readonly Planted[] = PLANTED): string[] {
  const normalised = text.replace(/[\u2010\u2011\u2012\u2013\u00ad]/g, "-").toLowerCase();
  return planted.filter((p) => normalised.includes(p.marker.toLowerCase())).map((p) => p.marker);
}
