// Who a build is for: public unless XRAY_AUDIENCE says internal, and a misspelt value stops the build rather than
// publish anything (docs/restricted-data.md).
import {describe, expect, it} from "vitest";
import {audienceFromEnv} from "../../lib/publish/audience.js";

describe("the build's audience", () => {
  it("is public without the variable, and what the variable says when it is public or internal", () => {
    expect(audienceFromEnv({})).toBe("public");
    expect(audienceFromEnv({XRAY_AUDIENCE: undefined})).toBe("public");
    expect(audienceFromEnv({XRAY_AUDIENCE: "public"})).toBe("public");
    expect(audienceFromEnv({XRAY_AUDIENCE: "internal"})).toBe("internal");
  });

  it("stops the build on any other value, empty included, quoting it", () => {
    expect(() => audienceFromEnv({XRAY_AUDIENCE: "Internal"})).toThrow('XRAY_AUDIENCE must be "public" or "internal", not "Internal".');
    expect(() => audienceFromEnv({XRAY_AUDIENCE: ""})).toThrow('not "".');
  });
});
