/** A byte range to read, inclusive of `end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeResult = { kind: "full" } | { kind: "partial"; range: ByteRange } | { kind: "unsatisfiable" };

/**
 * Interprets a `Range` request header for a file of `size` bytes (RFC 9110 §14). Supports
 * `bytes=a-b`, open `bytes=a-` and suffix `bytes=-n`. A header that is not a single bytes range
 * (other units, several ranges, garbage) is ignored and the whole file is sent, as RFC 9110 allows.
 */
export function parseRange(header: string | null, size: number): RangeResult {
  if (!header) return { kind: "full" };

  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return { kind: "full" };
  const [, startText = "", endText = ""] = match;
  if (startText === "" && endText === "") return { kind: "full" };

  if (startText === "") {
    const suffixLength = Number(endText);
    if (suffixLength === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffixLength), end: size - 1 } };
  }

  const start = Number(startText);
  if (start >= size) return { kind: "unsatisfiable" };
  const end = endText === "" ? size - 1 : Math.min(Number(endText), size - 1);
  if (end < start) return { kind: "full" };
  return { kind: "partial", range: { start, end } };
}
