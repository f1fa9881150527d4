// The allow-list's lists are built when its module loads: imported here inside the test, so a list that cannot be
// built fails a test (every build would stop on it) rather than only the collection of the files that import it.
import {describe, expect, it} from "vitest";

describe("the allow-list module", () => {
  it("loads, with public fields that are paths from the publication's root", async () => {
    const {PUBLIC_PUBLICATION_FIELDS, publicPublication} = await import("../../lib/publish/allow-list.js");
    expect(PUBLIC_PUBLICATION_FIELDS.every((p) => /^\$\.[a-z_]+/.test(p))).toBe(true);
    expect(PUBLIC_PUBLICATION_FIELDS).toContain("$.tables[].name");
    expect(publicPublication({devices: [{device_id: "VAN-1", wearer: "x"}]} as never)).toEqual({devices: [{device_id: "VAN-1"}]});
  });
});
