import {describe, expect, it} from "vitest";
import {checkBuiltFile, fixHtml} from "../../scripts/site/post-build.js";

const FRAMEWORK_HEAD = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<title>Overview | Mobile X-ray Safety</title>`;

describe("fixHtml", () => {
  it("adds lang=en and lets people zoom", () => {
    const fixed = fixHtml(FRAMEWORK_HEAD);
    expect(fixed).toContain(`<html lang="en">`);
    expect(fixed).toContain(`<meta name="viewport" content="width=device-width, initial-scale=1">`);
  });

  it("leaves an existing lang alone and is idempotent", () => {
    const once = fixHtml(FRAMEWORK_HEAD);
    expect(fixHtml(once)).toBe(once);
    expect(fixHtml(`<html lang="fr">`)).toBe(`<html lang="fr">`);
  });

  it("clamps the build-time stamp of registered files to SOURCE_DATE_EPOCH, so two builds give the same bytes", () => {
    const page = (mtime: number) => `${FRAMEWORK_HEAD}\n<script type="module">\nregisterFile("../data/p.json", {"name":"../data/p.json","path":"../_file/data/p.1.json","lastModified":${mtime},"size":5});\n</script>`;
    const [a, b] = [fixHtml(page(1796005330231), 1764460800000), fixHtml(page(1796005388207.5), 1764460800000)];
    expect(a).toBe(b);
    expect(a).toContain(`"lastModified":1764460800000,`);
    // Without an epoch the stamp is left as Framework wrote it.
    expect(fixHtml(page(123))).toContain(`"lastModified":123,`);
  });
});

describe("checkBuiltFile", () => {
  const good = fixHtml(FRAMEWORK_HEAD) + `<link rel="stylesheet" href="./_import/style.css"><script src="./_observablehq/client.js"></script>`;

  it("accepts a page that loads only from its own site", () => {
    expect(checkBuiltFile("dist/index.html", good)).toEqual([]);
  });

  it("reports page errors baked into the HTML", () => {
    expect(checkBuiltFile("dist/a.html", good + `<div class="observablehq--error">SyntaxError</div>`)).toHaveLength(1);
  });

  it("reports scripts, styles and fonts from other hosts", () => {
    const bad = good + `<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=X"><script src="//cdn.jsdelivr.net/npm/d3"></script>`;
    const problems = checkBuiltFile("dist/a.html", bad);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("fonts.googleapis.com");
  });

  it("reports a missing lang, title or CSP", () => {
    const problems = checkBuiltFile("dist/a.html", "<html><head></head>");
    expect(problems).toEqual([
      "dist/a.html: <html> has no lang attribute",
      "dist/a.html: the page has no title",
      "dist/a.html: no Content-Security-Policy at the top of <head>"
    ]);
  });

  it("reports inline event handlers", () => {
    expect(checkBuiltFile("dist/a.html", good + `<button onclick="go()">Go</button>`)).toHaveLength(1);
  });

  it("reports CDN imports and node: modules in scripts", () => {
    expect(checkBuiltFile("dist/_npm/x.js", `import {csvParse} from "https://cdn.jsdelivr.net/npm/d3-dsv/+esm";`)).toHaveLength(1);
    expect(checkBuiltFile("dist/_node/x.js", `import fs from "node:fs";`)).toHaveLength(1);
    expect(checkBuiltFile("dist/_import/s.css", `@import url("https://fonts.googleapis.com/css2");`)).toHaveLength(1);
  });

  it("reports Plot or the d3 umbrella bundled on their own, and not single d3 modules", () => {
    expect(checkBuiltFile("dist/_node/d3@7.9.2/index.js", `export * from "../d3-array@3.2.5/index.js";`)).toHaveLength(1);
    expect(checkBuiltFile("dist/_node/@observablehq/plot@0.6.17/index.js", `export {}`)).toHaveLength(1);
    expect(checkBuiltFile("dist/_node/d3-format@3.1.3/index.js", `export {}`)).toEqual([]);
    expect(checkBuiltFile("dist/_node/d3-array@3.2.5/index.js", `export {}`)).toEqual([]);
  });
});
