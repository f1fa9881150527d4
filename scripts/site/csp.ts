// Content-Security-Policy for the built pages: only the site's own origin.
//
// Framework 1.13 puts one inline module script in every page, so script-src lists that script's sha256 hash
// (per page) instead of allowing 'unsafe-inline'. Plot and Inputs set inline styles, which needs
// style-src 'unsafe-inline' (styles cannot run code). Workers are bundled files on the same origin.
// The meta tag goes first in <head> so it governs every link after it; `frame-ancestors` cannot be set by a
// meta tag and is in the documented server headers (docs/security.md).
import {createHash} from "node:crypto";

export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}'`);
  }
  return hashes;
}

export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ].join("; ");
}

/** Insert (or replace) the CSP meta tag as the first element of <head>. */
export function addContentSecurityPolicy(html: string): string {
  const withoutOld = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/i, "");
  const policy = contentSecurityPolicy(inlineScriptHashes(withoutOld));
  return withoutOld.replace(/<head>\n?/i, (head) => `${head}<meta http-equiv="Content-Security-Policy" content="${policy}">\n`);
}
