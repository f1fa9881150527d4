// The bibliography entries this site cites: those named in what it publishes (limits, everyday doses, verdicts,
// assumptions, claims) and in its pages' own text. The Limits page lists these, not the whole project bibliography,
// so a programme's site never lists a source only the sample used (such as the sample's policy).
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {SOURCES, SOURCE_IDS} from "../../lib/sources.js";
import {runLoader} from "./loader-runtime.js";
import {publishFromDisk} from "./publish-from-disk.js";

/** Ids cited as "[ID]" anywhere in a text. */
const citedIn = (text: string) => SOURCE_IDS.filter((id) => text.includes(`[${id}]`));

async function pageTexts(dir: string): Promise<string> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  const pages = entries.filter((e) => e.isFile() && e.name.endsWith(".md")).map((e) => join(e.parentPath, e.name)).sort();
  return (await Promise.all(pages.map((page) => readFile(page, "utf8")))).join("\n");
}

await runLoader(async () => {
  const {publication, tables} = await publishFromDisk();
  const published = JSON.stringify(publication) + JSON.stringify(tables.map((t) => t.rows));
  const cited = new Set([...citedIn(published), ...citedIn(await pageTexts("src")), ...publication.limits.flatMap((l) => l.sources.split(", ")), ...publication.everyday.flatMap((e) => e.sources.split(", "))]);
  return JSON.stringify(SOURCE_IDS.filter((id) => cited.has(id)).map((id) => ({id, ...SOURCES[id]}))) + "\n";
});
