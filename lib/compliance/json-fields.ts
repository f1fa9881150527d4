// Field readers for the small JSON registries of this folder (limits, everyday doses). Each reader records a Problem
// naming the JSON path and what would fix it, and returns undefined, so one pass reports every mistake in a file.
import type {Problem} from "../io/index.js";
import {unknownSourceId, type SourceId} from "../sources.js";

export class FieldReader {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}

  error(path: string, message: string): undefined {
    this.problems.push({severity: "error", file: this.file, column: path, message});
    return undefined;
  }

  /** Parse the whole file; a syntax error becomes one problem at `$`. */
  parse(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return this.error("$", `is not valid JSON (${detail}); fix the syntax, e.g. a missing comma or quote`);
    }
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    return this.error(path, `must be a JSON object {...}, found ${describe(value)}`);
  }

  array(value: unknown, path: string): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    return this.error(path, `must be a JSON array [...], found ${describe(value)}`);
  }

  string(value: unknown, path: string): string | undefined {
    if (typeof value === "string" && value.trim() !== "") return value;
    return this.error(path, `must be a non-empty text, found ${describe(value)}`);
  }

  stringOrNull(value: unknown, path: string): string | null | undefined {
    if (value === null) return null;
    return this.string(value, path);
  }

  positiveNumber(value: unknown, path: string): number | undefined {
    if (typeof value === "number" && Number.isFinite(value) && value > 0) return value;
    return this.error(path, `must be a number greater than 0, found ${describe(value)}`);
  }

  /** The ids of an entry's sources in the bibliography (docs/sources.md, lib/sources.ts); [] when none of them applies. */
  sourceIds(value: unknown, path: string): SourceId[] | undefined {
    if (value === undefined) {
      return this.error(path, `is missing: list the ids of the value's sources in docs/sources.md, e.g. ["10CFR20"], or [] when none of them applies`);
    }
    const list = this.array(value, path);
    if (!list) return undefined;
    const before = this.problems.length;
    list.forEach((id, i) => {
      if (typeof id !== "string") this.error(`${path}[${i}]`, `must be the text of an id of docs/sources.md, e.g. "10CFR20", found ${describe(id)}`);
      else {
        const why = unknownSourceId(id);
        if (why) this.error(`${path}[${i}]`, why);
      }
    });
    return this.problems.length > before ? undefined : (list as SourceId[]);
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    return this.error(path, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, found ${describe(value)}`);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
