// Post-build fixes and checks for the built site in dist/.
//
// Framework 1.13 writes `<html>` without `lang` and a viewport that forbids zooming (`maximum-scale=1`): both are
// accessibility failures (WCAG 3.1.1, 1.4.4) with no config switch (observablehq/framework PR #2054 unmerged).
// It also bakes page errors into the HTML and exits 0, so the build must look for them itself. And it stamps every data
// file a page registers with the build's clock time (`lastModified`, the loader cache file's mtime), so two builds of
// the same inputs would differ: the time is clamped to SOURCE_DATE_EPOCH, as reproducible builds do with file times.
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join, relative} from "node:path";
import {addContentSecurityPolicy} from "./csp.js";

/** `epoch_ms`: the build's time (SOURCE_DATE_EPOCH × 1000) that registered files' lastModified is clamped to. */
export function fixHtml(html: string, epoch_ms?: number): string {
  let fixed = html
    .replace(/<html(?![^>]*\blang=)([^>]*)>/i, `<html lang="en"$1>`)
    .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(")/i, "$1$2");
  if (epoch_ms !== undefined) fixed = fixed.replace(/("lastModified":)\d+(?:\.\d+)?/g, `$1${epoch_ms}`);
  return /<head>/i.test(fixed) ? addContentSecurityPolicy(fixed) : fixed;
}

/**
 * Problems in one built file: page errors, references to other hosts, Node-only modules shipped to the browser, and Plot
 * or d3 bundled whole.
 */
export function checkBuiltFile(path: string, text: string): string[] {
  const problems: string[] = [];
  if (path.endsWith(".html")) {
    if (text.includes("observablehq--error")) problems.push(`${path}: the page contains a rendering error (observablehq--error)`);
    if (!/<html lang="en"/.test(text)) problems.push(`${path}: <html> has no lang attribute`);
    if (!/<title>[^<]+<\/title>/.test(text)) problems.push(`${path}: the page has no title`);
    if (!/<head>\n?<meta http-equiv="Content-Security-Policy"/.test(text)) problems.push(`${path}: no Content-Security-Policy at the top of <head>`);
    if (/\son[a-z]+\s*=\s*["']/i.test(text.replace(/<script\b[\s\S]*?<\/script>/gi, ""))) problems.push(`${path}: has an inline event handler, which the CSP forbids`);
    // Scripts, styles, fonts, images and frames must come from the site itself.
    const external = /<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="((?:https?:)?\/\/[^"]+)"/gi;
    for (const m of text.matchAll(external)) problems.push(`${path}: loads ${m[1]} from another host`);
  }
  // Plot or the d3 umbrella bundled on its own means a page imported them directly: every d3 module would be preloaded.
  if (/(?:^|\/)_node\/(?:d3@|@observablehq\/plot@)/.test(path)) problems.push(`${path}: a page imports @observablehq/plot or d3 itself; import Plot from src/components/plot.js (docs/dependencies.md)`);
  if (path.endsWith(".js")) {
    const imports = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']((?:https?:)?\/\/[^"']+)["']/g;
    for (const m of text.matchAll(imports)) problems.push(`${path}: imports ${m[1]} from another host`);
    if (/(?:\bfrom\s*|\bimport\s*\(?\s*)["']node:/.test(text)) problems.push(`${path}: imports a node: module, which cannot run in a browser`);
  }
  if (path.endsWith(".css")) {
    const urls = /(?:url\(\s*|@import\s+)["']?((?:https?:)?\/\/[^"')\s]+)/g;
    for (const m of text.matchAll(urls)) problems.push(`${path}: references ${m[1]} on another host`);
  }
  return problems;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

export async function postBuild(dist: string): Promise<string[]> {
  const problems: string[] = [];
  const epoch = process.env.SOURCE_DATE_EPOCH?.trim();
  const epoch_ms = epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : undefined;
  for await (const path of walk(dist)) {
    if (!/\.(?:html|js|css)$/.test(path)) continue;
    let text = await readFile(path, "utf8");
    if (path.endsWith(".html")) {
      const fixed = fixHtml(text, epoch_ms);
      if (fixed !== text) await writeFile(path, fixed);
      text = fixed;
    }
    problems.push(...checkBuiltFile(relative(process.cwd(), path), text));
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? "dist";
  const problems = await postBuild(dist);
  if (problems.length) {
    console.error(`The built site in ${dist}/ is not fit to publish:\n` + problems.map((p) => `  ${p}`).join("\n"));
    process.exit(1);
  }
  console.error(`post-build: ${dist}/ checked: lang and CSP set, no page errors, nothing loaded from other hosts.`);
}
