// The bibliography: docs/sources.md and lib/sources.ts hold the same entries, every id cited anywhere in the repository
// is one of them, and nothing in the repository points at a file outside it.
import {readFileSync, readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {SOURCES, SOURCE_IDS, isSourceId, unknownSourceId} from "../lib/sources.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCES_MD = readFileSync(join(ROOT, "docs/sources.md"), "utf8");

interface DocEntry {
  id: string;
  title: string | null;
  grade: string | null;
}

/** The "### ID" entries of docs/sources.md's "## Entries" section, each with its bold title and its grade. */
function docEntries(markdown: string): DocEntry[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith("Entries"));
  if (!section) throw new Error('docs/sources.md has no "## Entries" section');
  return section.split(/^### /m).slice(1).map((block) => {
    const id = block.slice(0, block.indexOf("\n")).trim();
    const body = block.slice(block.indexOf("\n"));
    return {id, title: /^\*\*(.+?)\*\*/m.exec(body.trim())?.[1] ?? null, grade: /^- Grade: \*\*([A-Z])\*\*/m.exec(body)?.[1] ?? null};
  });
}

/** GitHub's heading anchor: lower case, punctuation other than hyphens dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

/** Every text file of the repository, except installed packages, git's data, build output and caches. */
function repositoryFiles(): string[] {
  // Also mutation testing's sandbox and reports (npm run mutation), copies of the repository's files.
  const skip = new Set(["node_modules", ".git", ".observablehq", "coverage", ".stryker-tmp", "reports"]);
  const text = /\.(ts|js|mjs|cjs|md|json|csv|txt|html|css|ya?ml|svg)$|^(README|LICENSE)/;
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (skip.has(name) || name.startsWith("dist")) continue;
      const path = join(dir, name);
      const stat = statSync(path, {throwIfNoEntry: false});
      if (!stat) continue; // a dangling link
      if (stat.isDirectory()) {
        if (relative(ROOT, path) !== "src/lib") walk(path); // src/lib links to lib/: scanned once
      } else if (text.test(name) && name !== "package-lock.json") {
        out.push(relative(ROOT, path));
      }
    }
  };
  walk(ROOT);
  return out.sort();
}

const FILES = repositoryFiles();
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

/**
 * A citation in prose or a comment: an id in square brackets, e.g. "[ICRP-116]" or "[10CFR20](sources.md#10cfr20)".
 * Ids start with two letters or digits, which keeps out regular-expression classes such as "[A-Za-z0-9]", and hold an
 * upper-case letter and a digit or hyphen, which keeps out words ("[Limits]") and indices ("[0]").
 */
const CITATION = /\[([A-Z0-9][A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*)\]/g;

function citedIds(text: string): string[] {
  return [...text.matchAll(CITATION)].map((m) => m[1]!).filter((id) => /[A-Z]/.test(id) && /[0-9-]/.test(id));
}

describe("the bibliography", () => {
  const entries = docEntries(SOURCES_MD);

  it("docs/sources.md and lib/sources.ts hold the same ids, short titles and grades, in the same order", () => {
    expect(entries.map((e) => e.id)).toEqual(SOURCE_IDS);
    for (const e of entries) {
      expect({id: e.id, title: e.title, grade: e.grade}).toEqual({id: e.id, ...SOURCES[e.id as keyof typeof SOURCES]});
    }
  });

  it("gives every entry a citation, a grade with its reason and what is used from it", () => {
    for (const block of SOURCES_MD.split(/^### /m).slice(1)) {
      const id = block.slice(0, block.indexOf("\n")).trim();
      expect(block, id).toMatch(/^- Grade: \*\*[ABC]\*\*\. \S/m);
      expect(block, id).toMatch(/^- Used: \S/m);
    }
  });

  it("has ids of the citation shape, so that a scan of the repository finds every use", () => {
    for (const id of SOURCE_IDS) expect(citedIds(`[${id}]`), id).toEqual([id]);
  });

  it("refuses an unknown id, naming the id meant when only case or punctuation differ", () => {
    expect(isSourceId("ICRP-116")).toBe(true);
    expect(unknownSourceId("ICRP-116")).toBeNull();
    expect(unknownSourceId("icrp116")).toContain('did you mean "ICRP-116"?');
    expect(unknownSourceId("ICRP-117")).toContain("docs/sources.md");
    expect(isSourceId("toString")).toBe(false);
  });
});

describe("citations in the repository", () => {
  const anchors = new Set(SOURCES_MD.split("\n").filter((l) => /^#{1,6} /.test(l)).map((l) => slug(l.replace(/^#+ /, ""))));

  it("cite only ids of docs/sources.md", () => {
    const unknown: string[] = [];
    let cited = 0;
    for (const file of FILES) {
      read(file).split("\n").forEach((line, i) => {
        for (const id of citedIds(line)) {
          cited++;
          if (!isSourceId(id)) unknown.push(`${file}:${i + 1}: [${id}]`);
        }
      });
    }
    expect(unknown).toEqual([]);
    expect(cited).toBeGreaterThan(50); // the scan sees the citations (a broken pattern would find none)
  });

  it("list only ids of docs/sources.md in the data files' `sources` fields", () => {
    const unknown: string[] = [];
    for (const file of FILES.filter((f) => f.endsWith(".json"))) {
      const walk = (value: unknown, path: string) => {
        if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
        else if (value && typeof value === "object") {
          for (const [k, v] of Object.entries(value)) {
            if (k === "sources" && Array.isArray(v)) v.forEach((id, i) => typeof id === "string" && isSourceId(id) ? null : unknown.push(`${file} ${path}.sources[${i}]`));
            walk(v, `${path}.${k}`);
          }
        }
      };
      try {
        walk(JSON.parse(read(file)), "$");
      } catch {
        // Not JSON (a deliberately broken fixture): it cites nothing.
      }
    }
    expect(unknown).toEqual([]);
  });

  it("on the site, link to a list of sources that the Limits page has", () => {
    const linking = FILES.filter((f) => f.startsWith("src/") && /limits#sources\)/.test(read(f)));
    expect(linking.length).toBeGreaterThan(0);
    expect(read("src/public/limits.md")).toMatch(/^## Sources$/m);
  });

  it("link only to anchors that docs/sources.md has", () => {
    const broken: string[] = [];
    for (const file of FILES) {
      for (const m of read(file).matchAll(/sources\.md#([A-Za-z0-9_.-]+)/g)) {
        if (!anchors.has(m[1]!)) broken.push(`${file}: sources.md#${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("nothing outside the repository", () => {
  // Assembled from parts so that this file does not match itself.
  const outside = new RegExp(["standards" + "\\.md", "\\.\\./" + "shared", "shared/" + "(reference|seed)", "/work/" + "shared"].join("|"));

  it("is referenced by any file of the repository", () => {
    const found: string[] = [];
    for (const file of FILES) {
      read(file).split("\n").forEach((line, i) => {
        if (outside.test(line)) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(found).toEqual([]);
  });
});
