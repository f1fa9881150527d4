import {describe, expect, it} from "vitest";
import {addContentSecurityPolicy, contentSecurityPolicy, inlineScriptHashes} from "../../scripts/site/csp.js";

describe("inlineScriptHashes", () => {
  it("hashes inline scripts only, as browsers do (sha256 of the exact text, base64)", () => {
    // Reference value from `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`.
    const html = `<script>alert(1)</script><script type="module" src="./x.js"></script>`;
    expect(inlineScriptHashes(html)).toEqual(["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows only the site's own origin and the listed hashes", () => {
    const policy = contentSecurityPolicy(["'sha256-abc'"]);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'sha256-abc'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });
});

describe("addContentSecurityPolicy", () => {
  const page = `<html lang="en">\n<head>\n<meta charset="utf-8">\n<link rel="stylesheet" href="./a.css">\n<script type="module">\nimport "./c.js";\n</script>\n</head>`;

  it("puts the policy first in <head> so it covers every element after it", () => {
    const out = addContentSecurityPolicy(page);
    expect(out.indexOf(`<meta http-equiv="Content-Security-Policy"`)).toBe(out.indexOf("<head>") + "<head>\n".length);
  });

  it("is idempotent", () => {
    const once = addContentSecurityPolicy(page);
    expect(addContentSecurityPolicy(once)).toBe(once);
  });
});
