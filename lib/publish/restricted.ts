// Restricted data: values that may appear in the internal build only. The public build's tables are cut in
// lib/publish/tables.ts and publication.ts; this module lists the restricted values of a data set so a test can
// scan a built site for every one of them (docs/restricted-data.md says why each field is restricted).
import type {Dataset} from "../io/load-dataset.js";

/** Shorter values are too likely to occur by chance in unrelated text (a scan would report noise). */
const MIN_SCANNED_LENGTH = 4;

export function restrictedValues(dataset: Dataset): string[] {
  const values = new Set<string>();
  const add = (v: string | null | undefined) => {
    const text = v?.trim();
    if (text && text.length >= MIN_SCANNED_LENGTH) values.add(text);
  };
  for (const d of dataset.deployments) {
    for (const op of d.operators) add(op);
    add(d.notes);
    if (d.location_restricted) add(d.location);
    for (const v of Object.values(d.extra)) add(v);
  }
  // Who reviewed a reading names a person (the reason is published; docs/restricted-data.md).
  for (const r of dataset.reviews) add(r.reviewed_by);
  for (const r of dataset.readings) {
    add(r.notes);
    add(r.dosimeter_id !== r.instrument_id ? r.dosimeter_id : null);
    for (const v of Object.values(r.extra)) add(v);
  }
  return [...values].sort();
}
