// The restricted-data oracle on built sites: the fixture folder (test/restricted-oracle.ts lists its planted values,
// written out by hand rather than taken from the product's restrictedValues) is built by npm run build with
// XRAY_DATA_DIR and XRAY_DIST_DIR for the public, with the
// council briefing's PDFs, and for the RSO. Every file of the public build is read as a person or a program could
// read it (text; the text layer of a PDF; the rows of a Parquet file) and must hold none of the planted values; the
// internal build must hold those the RSO's pages show, or the scan would prove nothing.
import {beforeAll, describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {getDocument} from "pdfjs-dist/legacy/build/pdf.mjs";
import {DuckDBInstance} from "@duckdb/node-api";
import {buildSiteFrom} from "./build.js";
import {ORACLE_DATA_DIR, PLANTED, PUBLIC_CONTROLS, markersIn, type Planted} from "../restricted-oracle.js";

const PUBLIC = "dist-oracle-public";
const INTERNAL = "dist-oracle-internal";

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({data: new Uint8Array(bytes), isEvalSupported: false}).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await doc.destroy();
  // Chromium splits text into runs (and ligatures out of words): compare without any white space.
  return pages.join("").replace(/\s+/g, "");
}

async function parquetText(path: string): Promise<string> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
  const text = JSON.stringify(reader.getRowObjectsJson()) + JSON.stringify(reader.columnNames());
  connection.closeSync();
  return text;
}

/** Every file of a built site as text: PDFs by their text layer, Parquet by its rows, the rest as UTF-8. */
async function siteTexts(dir: string): Promise<{file: string; text: string}[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  const texts = [];
  for (const file of files) {
    const bytes = await readFile(file);
    const text = file.endsWith(".pdf") ? await pdfText(bytes) : file.endsWith(".parquet") ? await parquetText(file) : bytes.toString("utf8");
    texts.push({file, text});
  }
  return texts;
}

function found(texts: readonly {file: string; text: string}[], planted: readonly Planted[]): {marker: string; file: string}[] {
  return texts.flatMap(({file, text}) => markersIn(text, planted).map((marker) => ({marker, file})));
}

describe("restricted data, against values planted by hand", () => {
  let publicTexts: {file: string; text: string}[] = [];
  let internalTexts: {file: string; text: string}[] = [];

  // One hook per build: each has the whole hook timeout, which a loaded machine needs.
  beforeAll(async () => {
    buildSiteFrom(ORACLE_DATA_DIR, "public", PUBLIC);
    const pdf = spawnSync("npx", ["tsx", "scripts/briefing-pdf.ts", PUBLIC], {encoding: "utf8"});
    if (pdf.status !== 0) throw new Error(`briefing:pdf failed:\n${pdf.stdout}\n${pdf.stderr}`);
    publicTexts = await siteTexts(PUBLIC);
  });
  beforeAll(async () => {
    buildSiteFrom(ORACLE_DATA_DIR, "internal", INTERNAL);
    internalTexts = await siteTexts(INTERNAL);
  });

  it("scans pages, scripts, data files and the briefing PDFs", () => {
    const kinds = new Set(publicTexts.map((t) => t.file.split(".").at(-1)));
    for (const kind of ["html", "js", "json", "csv", "pdf"]) expect(kinds).toContain(kind);
    const pdfs = publicTexts.filter((t) => t.file.endsWith(".pdf"));
    expect(pdfs).toHaveLength(2);
    // Their text layer is read (the briefing's title is in it), not their compressed bytes.
    for (const pdf of pdfs) expect(pdf.text).toMatch(/radiationsafetybrie/i);
  });

  it("finds no planted value anywhere in the public build", () => {
    expect(found(publicTexts, PLANTED)).toEqual([]);
  });

  it("finds the fixture's public values in the public build", () => {
    expect(new Set(found(publicTexts, PUBLIC_CONTROLS).map((h) => h.marker))).toEqual(new Set(PUBLIC_CONTROLS.map((p) => p.marker)));
  });

  it("finds the fields the RSO reads in the internal build, and still no column the format does not define", () => {
    const markers = new Set(found(internalTexts, PLANTED).map((h) => h.marker));
    expect(markers).toEqual(new Set(PLANTED.filter((p) => p.internal).map((p) => p.marker)));
  });
});
