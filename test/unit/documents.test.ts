import { describe, expect, it } from "vitest";

import { asciiFallback, contentDisposition } from "../../src/lib/documents/content-disposition";
import { decodeCursor, encodeCursor } from "../../src/lib/documents/cursor";
import { documentKind } from "../../src/lib/documents/kind";
import { parseRange } from "../../src/lib/documents/range";

describe("contentDisposition", () => {
  it("keeps a Dutch file name with an ASCII fallback", () => {
    expect(contentDisposition("attachment", "Behandelplan – Jänsen (déf).pdf")).toBe(
      "attachment; filename=\"Behandelplan - Jansen (def).pdf\"; filename*=UTF-8''Behandelplan%20%E2%80%93%20J%C3%A4nsen%20%28d%C3%A9f%29.pdf",
    );
  });

  it("neutralises quotes, backslashes and line breaks", () => {
    expect(asciiFallback('a"b\\c\r\nd.pdf')).toBe("a_b_c__d.pdf");
    expect(contentDisposition("inline", "x\r\ny.pdf")).not.toMatch(/[\r\n]/);
  });

  it("falls back to a name for non-Latin names", () => {
    expect(asciiFallback("报告.pdf")).toBe("__.pdf");
    expect(asciiFallback("")).toBe("document");
  });
});

describe("parseRange", () => {
  it.each([
    ["bytes=0-99", 1000, { kind: "partial", range: { start: 0, end: 99 } }],
    ["bytes=-100", 1000, { kind: "partial", range: { start: 900, end: 999 } }],
    ["bytes=100-", 1000, { kind: "partial", range: { start: 100, end: 999 } }],
    ["bytes=990-2000", 1000, { kind: "partial", range: { start: 990, end: 999 } }],
    ["bytes=-5000", 1000, { kind: "partial", range: { start: 0, end: 999 } }],
    ["bytes=1000-", 1000, { kind: "unsatisfiable" }],
    ["bytes=-0", 1000, { kind: "unsatisfiable" }],
    ["bytes=0-1,5-6", 1000, { kind: "full" }],
    ["items=0-1", 1000, { kind: "full" }],
    ["bytes=9-3", 1000, { kind: "full" }],
    [null, 1000, { kind: "full" }],
  ])("reads %s of %i bytes", (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe("document cursor", () => {
  it("round-trips and rejects tampering", () => {
    const cursor = { sharedAtMs: 1764806400000, id: "doc_abc-123" };

    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("not a cursor")).toBeNull();
    expect(decodeCursor(btoa("1.x'; DROP TABLE documents"))).toBeNull();
    expect(decodeCursor("")).toBeNull();
  });
});

describe("documentKind", () => {
  it.each([
    ["application/pdf", "pdf"],
    ["image/png", "image"],
    ["image/svg+xml", "other"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word"],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "excel"],
    ["text/plain; charset=utf-8", "other"],
  ])("classifies %s as %s", (contentType, kind) => {
    expect(documentKind(contentType)).toBe(kind);
  });
});
