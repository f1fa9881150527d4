import {describe, expect, it} from "vitest";
import {orderPolicyVersions} from "../../lib/compliance/policy-versions.js";

const only = (paths: string[]) => orderPolicyVersions(paths);
const versionOf = (path: string) => only([path]).versions[0]!.version;

describe("a policy version is the date in its file name", () => {
  it("reads YYYY-MM-DD, YYYY-MM and YYYY, and nothing when the name has no date", () => {
    expect(versionOf("policy/2021-04-11-impact-and-use-policy.txt")).toBe("2021-04-11");
    expect(versionOf("policy/impact-2021-04.txt")).toBe("2021-04");
    expect(versionOf("policy/2021-policy.txt")).toBe("2021");
    expect(versionOf("policy/impact-and-use-policy.txt")).toBeNull();
    // The date is read from the file's name, never from its folder.
    expect(versionOf("2019-05-01/impact-and-use-policy.txt")).toBeNull();
    expect(versionOf("C:\\policies\\2019\\2024-06-30-policy.txt")).toBe("2024-06-30");
  });

  it("takes January and December as months and refuses month 00 and 13", () => {
    expect(versionOf("2021-01-policy.txt")).toBe("2021-01");
    expect(versionOf("2021-12-policy.txt")).toBe("2021-12");
    expect(versionOf("2021-00-policy.txt")).toBeNull();
    expect(versionOf("2021-13-policy.txt")).toBeNull();
    expect(versionOf("2021-13-05-policy.txt")).toBeNull();
  });

  it("takes a day only when that day exists in that month", () => {
    expect(versionOf("2021-01-31-policy.txt")).toBe("2021-01-31");
    expect(versionOf("2024-02-29-policy.txt")).toBe("2024-02-29"); // 2024 is a leap year
    expect(versionOf("2021-02-29-policy.txt")).toBeNull(); // 2021 is not
    expect(versionOf("2021-02-30-policy.txt")).toBeNull();
    expect(versionOf("2021-04-31-policy.txt")).toBeNull(); // April has 30 days
    expect(versionOf("2021-04-00-policy.txt")).toBeNull();
    expect(versionOf("2021-04-32-policy.txt")).toBeNull();
  });
});

describe("versions of a policy, oldest first", () => {
  it("orders by date, whatever the order given and whatever the folders, and finds nothing wrong", () => {
    const {versions, problems} = only(["a/2026-03-01-policy.txt", "z/2019-policy.txt", "m/2021-04-11-policy.txt", "b/2021-04-policy.txt"]);
    expect(versions.map((v) => v.path)).toEqual(["z/2019-policy.txt", "b/2021-04-policy.txt", "m/2021-04-11-policy.txt", "a/2026-03-01-policy.txt"]);
    expect(problems).toEqual([]);
  });

  it("needs no date for a single policy text", () => {
    expect(only(["policy/impact-and-use-policy.txt"])).toEqual({versions: [{path: "policy/impact-and-use-policy.txt", version: null}], problems: []});
  });

  it("with several texts, names each undated one, how many there are, and the name that would fix it", () => {
    const {versions, problems} = only(["p/2026-03-01-policy.txt", "p/draft.txt", "p/final.txt"]);
    expect(problems).toHaveLength(2);
    for (const [i, name] of ["draft.txt", "final.txt"].entries()) {
      expect(problems[i]).toMatchObject({severity: "error", file: `p/${name}`});
      expect(problems[i]!.message).toContain("folder holds 3 policy texts");
      expect(problems[i]!.message).toContain(`"2021-04-11-${name}"`);
    }
    // Undated texts (an error already) come before the dated ones, then by path.
    expect(versions.map((v) => v.path)).toEqual(["p/draft.txt", "p/final.txt", "p/2026-03-01-policy.txt"]);
  });

  it("with several texts of the same date, names each one after the first, and the first", () => {
    const {versions, problems} = only(["q/2021-04-11-final.txt", "p/2021-04-11-draft.txt", "p/2020-policy.txt", "r/2021-04-11-x.txt"]);
    expect(problems.map((p) => p.file)).toEqual(["p/2021-04-11-draft.txt", "r/2021-04-11-x.txt"]);
    for (const p of problems) {
      expect(p.severity).toBe("error");
      expect(p.message).toContain("same date (2021-04-11) as q/2021-04-11-final.txt");
      expect(p.message).toContain("give each version its own date");
    }
    // Same date: ordered by path.
    expect(versions.map((v) => v.path)).toEqual(["p/2020-policy.txt", "p/2021-04-11-draft.txt", "q/2021-04-11-final.txt", "r/2021-04-11-x.txt"]);
  });
});
