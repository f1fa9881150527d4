// A small JSON parser that remembers where each value starts, so that a certificate's problems can name the line
// and column as well as the JSON path. Node's JSON.parse does not always report a position (Node 20 gives none
// for "Unexpected token" errors), and never one for a value that parses but is wrong.

export interface JsonPosition {
  line: number;
  column: number;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | {[key: string]: JsonValue};

export class JsonSyntaxError extends Error {
  override name = "JsonSyntaxError";
  constructor(
    message: string,
    readonly position: JsonPosition
  ) {
    super(message);
  }
}

export interface ParsedJson {
  value: JsonValue;
  /** Where the value at each JSON path (`$`, `$.a`, `$.a[2].b`) starts. */
  positions: Map<string, JsonPosition>;
}

/** JSON path of a property: `$.name` for identifier-like keys, `$["odd key"]` otherwise. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Parse JSON text (RFC 8259). Throws JsonSyntaxError with the line and column of the first mistake. */
export function parseJsonWithPositions(text: string): ParsedJson {
  const positions = new Map<string, JsonPosition>();
  let i = 0;

  // Where each line starts, found once: scanning from the start for every value made parsing quadratic.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === "\n") lineStarts.push(k + 1);
  const positionAt = (index: number): JsonPosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return {line: lo + 1, column: index - lineStarts[lo]! + 1};
  };
  const fail = (message: string, index = i): never => {
    throw new JsonSyntaxError(message, positionAt(index));
  };
  const describe = (index: number) => (index >= text.length ? "the end of the file" : `"${text[index]}"`);
  const skipSpace = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = "";
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\\") {
        const e = text[i + 1];
        const simple: Record<string, string> = {'"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t"};
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail("invalid escape in a string: use \\\", \\\\, \\n or \\uXXXX");
        }
      } else if (c < " ") {
        fail("a line break or control character inside a string: close the string with \" first");
      } else {
        out += c;
        i++;
      }
    }
    return fail("a string is never closed: add the closing \"", start);
  };

  const parseValue = (path: string): JsonValue => {
    skipSpace();
    positions.set(path, positionAt(i));
    const c = text[i];
    if (c === "{") {
      i++;
      const object: {[key: string]: JsonValue} = {};
      skipSpace();
      if (text[i] === "}") {
        i++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(i)}`);
        const key = parseString();
        skipSpace();
        if (text[i] !== ":") fail(`expected ":" after the property name "${key}", found ${describe(i)}`);
        i++;
        // Defined, not assigned: `object["__proto__"] = …` would replace the object's prototype instead of keeping
        // the key, where JSON.parse keeps it as an ordinary own property.
        Object.defineProperty(object, key, {value: parseValue(childPath(path, key)), enumerable: true, writable: true, configurable: true});
        skipSpace();
        if (text[i] === ",") {
          i++;
          skipSpace();
          if (text[i] === "}") fail("a comma before \"}\": remove the trailing comma");
          continue;
        }
        if (text[i] === "}") {
          i++;
          return object;
        }
        fail(`expected "," or "}" after a property value, found ${describe(i)}`);
      }
    }
    if (c === "[") {
      i++;
      const array: JsonValue[] = [];
      skipSpace();
      if (text[i] === "]") {
        i++;
        return array;
      }
      for (;;) {
        array.push(parseValue(childPath(path, array.length)));
        skipSpace();
        if (text[i] === ",") {
          i++;
          skipSpace();
          if (text[i] === "]") fail("a comma before \"]\": remove the trailing comma");
          continue;
        }
        if (text[i] === "]") {
          i++;
          return array;
        }
        fail(`expected "," or "]" after an array element, found ${describe(i)}`);
      }
    }
    if (c === '"') return parseString();
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(`expected a value (string, number, object, array, true, false or null), found ${describe(i)}`);
  };

  if (text.charCodeAt(0) === 0xfeff) i = 1; // a byte-order mark is not content
  const value = parseValue("$");
  skipSpace();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
  return {value, positions};
}
