// The ids of the project's bibliography (docs/sources.md), with each entry's short title and grade, so that the library
// can check the `sources` lists of its data files without reading the docs at run time. Kept by hand:
// test/sources.test.ts fails when this list and docs/sources.md differ in any id, title or grade.

/** A primary text or official copy; B a reliable secondary source; C weak (see docs/sources.md, "Grades"). */
export type SourceGrade = "A" | "B" | "C";

export interface SourceEntry {
  /** The bold short title that opens the entry's citation in docs/sources.md. */
  title: string;
  grade: SourceGrade;
}

export const SOURCES = {
  "10CFR20": {title: "US NRC, 10 CFR Part 20", grade: "A"},
  "NRC-HPPOS": {title: "US NRC, Health Physics Positions", grade: "A"},
  "WAC-246-230": {title: "Washington WAC 246-230", grade: "A"},
  "ANSI-N43.17": {title: "ANSI/HPS N43.17-2009", grade: "B"},
  "ANSI-N43.16": {title: "ANSI/HPS N43.16-2021", grade: "C"},
  "ANSI-N42.46": {title: "ANSI N42.46", grade: "C"},
  "Euratom-2013-59": {title: "Council Directive 2013/59/Euratom", grade: "A"},
  "ICRP-103": {title: "ICRP Publication 103", grade: "A"},
  "ICRP-118": {title: "ICRP Publication 118", grade: "A"},
  "ICRP-125": {title: "ICRP Publication 125", grade: "C"},
  "NCRP-116": {title: "NCRP Report No. 116", grade: "B"},
  "IAEA-RS-G-1.7": {title: "IAEA Safety Guide RS-G-1.7", grade: "B"},
  "NCRP-Commentary-16": {title: "NCRP Commentary No. 16", grade: "C"},
  "UFC-4-022-01": {title: "UFC 4-022-01 (2005)", grade: "B"},
  "ICRP-74": {title: "ICRP Publication 74", grade: "B"},
  "ICRU-57": {title: "ICRU Report 57", grade: "C"},
  "ICRP-116": {title: "ICRP Publication 116", grade: "B"},
  "NIST-SRD-126": {title: "NIST SRD 126, X-Ray Mass Attenuation Coefficients", grade: "A"},
  "NIST-SP-811": {title: "NIST SP 811, Guide for the Use of the SI", grade: "B"},
  "SI-2019": {title: "The SI Brochure, 9th edition", grade: "B"},
  "Rez-ASU": {title: "P. Rez (Arizona State University), estimate for the Z Backscatter Van", grade: "C"},
  "ASE-2015": {title: "AS&E statement on the Z Backscatter Van (2015)", grade: "C"},
  "NYPD-IUP": {title: "NYPD, Mobile X-Ray Technology: Impact and Use Policy (2021)", grade: "A"},
  "NCRP-160": {title: "NCRP Report No. 160", grade: "B"},
  "RSNA-2014": {title: "RSNA News bulletin (2014)", grade: "B"},
  "NIST-2014": {title: "NIST news release (2014)", grade: "B"},
  "FAA-AC-120-52": {title: "FAA Advisory Circular 120-52", grade: "B"},
  "Mettler-2008": {title: "Mettler et al., Radiology 2008", grade: "B"},
  "JCGM-100": {title: "JCGM 100:2008 (GUM)", grade: "B"},
  "ANSI-ANS-6.4.3": {title: "ANSI/ANS-6.4.3-1991", grade: "B"}
} as const satisfies Record<string, SourceEntry>;

export type SourceId = keyof typeof SOURCES;

export const SOURCE_IDS = Object.keys(SOURCES) as SourceId[];

export function isSourceId(id: string): id is SourceId {
  return Object.hasOwn(SOURCES, id);
}

/** The entry of a known id; undefined for anything else. */
export function sourceEntry(id: string): SourceEntry | undefined {
  return isSourceId(id) ? SOURCES[id] : undefined;
}

/**
 * Why `id` is not a bibliography id, with the id it most likely meant when one differs only in case or punctuation
 * ("icrp116" → "ICRP-116"); null when it is one.
 */
export function unknownSourceId(id: string): string | null {
  if (isSourceId(id)) return null;
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const near = SOURCE_IDS.find((known) => key(known) === key(id));
  return near
    ? `"${id}" is not an id of the bibliography (docs/sources.md): did you mean "${near}"?`
    : `"${id}" is not an id of the bibliography (docs/sources.md); add its entry there and to lib/sources.ts, or use one of its ids (e.g. "10CFR20", "ICRP-116")`;
}

/** Ids as citations in running text: ["10CFR20", "NRC-HPPOS"] → " [10CFR20] [NRC-HPPOS]"; "" for none. */
export function citeIds(ids: readonly string[]): string {
  return ids.map((id) => ` [${id}]`).join("");
}
