// @vitest-environment jsdom
import {afterEach, describe, expect, it, vi} from "vitest";
import {tableDownloads} from "../../src/components/table-download.js";

/** jsdom's Blob has no text(): read it the way a browser page would before Blob.text existed. */
function text(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe("table downloads", () => {
  afterEach(() => vi.restoreAllMocks());

  it("offers the rows shown as spreadsheet-safe CSV and exact JSON", async () => {
    const blobs: Blob[] = [];
    // jsdom has no object URLs: record the blobs instead.
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), `blob:test/${blobs.length}`));
    const el = tableDownloads("warnings", "Warnings", [{file: "a.csv", line: 3, message: "=SUM(A1)"}, {file: "b.csv", line: null, message: "ok"}]);
    const links = [...el.querySelectorAll("a")];
    expect(links.map((a) => a.download)).toEqual(["warnings.csv", "warnings.json"]);
    expect(el.textContent).toContain("2 rows");
    const csv = await text(blobs[0]!);
    expect(csv.split("\n")[0]).toBe("file,line,message");
    expect(csv).toContain("a.csv,3,'=SUM(A1)");
    const json = JSON.parse(await text(blobs[1]!));
    expect(json.rows[0].message).toBe("=SUM(A1)");
    expect(json.rows[1].line).toBeNull();
  });
});
