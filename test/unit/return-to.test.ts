import { describe, expect, it } from "vitest";

import { safeReturnPath } from "../../src/lib/auth/return-to";

describe("safeReturnPath", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/forms?status=open", "/forms?status=open"],
    ["/documents/abc#top", "/documents/abc"],
    ["/a/../dashboard", "/dashboard"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "dashboard",
    "/dash\nboard",
    "/dash\tboard",
    "",
    null,
    undefined,
    `/${"a".repeat(3000)}`,
  ])("rejects %j", (input) => {
    expect(safeReturnPath(input)).toBeNull();
  });
});
