// RFC 4180 CSV with physical line numbers. d3-dsv parses CSV well but forgets where each field was, and every
// message about a reading must name its line: a quoted field may span lines, so lines are counted here as read.

export interface CsvRow {
  /** Physical line (1-based) on which the row starts. */
  line: number;
  fields: string[];
  /**
   * The physical line on which each field starts, only for rows where a quoted field spans lines (rare): plain
   * strings and one number per row keep millions of rows light on memory.
   */
  fieldLines?: number[];
}

/** The physical line on which field `k` of `row` starts. */
export function fieldLine(row: CsvRow, k: number): number {
  return row.fieldLines?.[k] ?? row.line;
}

/** A quoted field longer than this (1 MB of text) is refused: no value of a reading is, and the rest is unbounded. */
export const MAX_FIELD_CHARS = 1 << 20;

/** Line ends in a run of text: CRLF, LF or a lone CR each count once. */
function countLineEnds(run: string): number {
  let count = 0;
  for (let k = run.indexOf("\n"); k >= 0; k = run.indexOf("\n", k + 1)) count++;
  for (let k = run.indexOf("\r"); k >= 0; k = run.indexOf("\r", k + 1)) if (run[k + 1] !== "\n") count++;
  return count;
}

export interface CsvSyntaxError {
  line: number;
  message: string;
}

export interface CsvParse {
  rows: CsvRow[];
  /** Quoting mistakes; the rows they occur in are left out of `rows`. */
  errors: CsvSyntaxError[];
}

/**
 * Split CSV text into rows of fields. Accepts a leading byte-order mark and CRLF, LF or CR line ends. Rows that are
 * completely empty (blank lines) are skipped. Never throws.
 */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  const errors: CsvSyntaxError[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;

  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    const lines: number[] = [];
    let rowBroken = false;
    // One row: fields separated by commas, ended by a line end or the end of the text.
    for (;;) {
      const startLine = line;
      let value: string;
      if (text[i] === '"') {
        // Whole runs between quotes are sliced at once (indexOf), so a long quoted field costs linear time and one
        // string, not a string per character.
        i++;
        let closed = false;
        const parts: string[] = [];
        let length = 0;
        while (i < n) {
          const q = text.indexOf('"', i);
          const end = q < 0 ? n : q;
          const run = text.slice(i, end);
          line += countLineEnds(run);
          length += run.length;
          if (length > MAX_FIELD_CHARS) break;
          parts.push(run);
          i = end;
          if (q < 0) break;
          if (text[q + 1] === '"') {
            parts.push('"');
            length++;
            i = q + 2;
            continue;
          }
          i = q + 1;
          closed = true;
          break;
        }
        if (length > MAX_FIELD_CHARS) {
          errors.push({line: startLine, message: `a quoted field opened on line ${startLine} is longer than ${MAX_FIELD_CHARS} characters, which no value of a reading is (is a closing double quote missing?); the file was not read further`});
          return {rows, errors};
        }
        value = parts.length === 1 ? parts[0]! : parts.join("");
        if (!closed) {
          errors.push({line: startLine, message: `a quoted field opened on line ${startLine} is never closed; add the closing double quote (write a quote inside a quoted field as "")`});
          rowBroken = true;
          break;
        }
        if (i < n && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
          errors.push({line, message: `text follows a closing double quote; quote the whole field and write each quote inside it as ""`});
          rowBroken = true;
          while (i < n && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") i++;
        }
      } else {
        const start = i;
        while (i < n && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") i++;
        value = text.slice(start, i);
        if (value.includes('"')) {
          errors.push({line, message: `a double quote inside an unquoted field; wrap the field in double quotes and write each quote inside it as ""`});
          rowBroken = true;
        }
      }
      fields.push(value);
      lines.push(startLine);
      if (text[i] === ",") {
        i++;
        continue;
      }
      break;
    }
    const spansLines = line !== rowLine;
    // The line end (CRLF, LF or CR) that ends the row (at the end of the text, text[i] is undefined).
    if (text[i] === "\r" || text[i] === "\n") {
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    }
    // A row with a quoting mistake is reported (above) and left out; its fields cannot be trusted.
    if (rowBroken) continue;
    if (fields.length === 1 && fields[0] === "") continue;
    rows.push(spansLines ? {line: rowLine, fields, fieldLines: lines} : {line: rowLine, fields});
  }
  return {rows, errors};
}

/**
 * The column names of a header row, as every reader takes them (readings whole or streamed, deployment logs, the
 * data-as-of date): surrounding spaces trimmed, so " measured_at" is measured_at everywhere or nowhere.
 */
export function headerNames(fields: readonly string[]): string[] {
  return fields.map((f) => f.trim());
}
