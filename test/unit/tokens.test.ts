import { describe, expect, it } from "vitest";

import { normalizeEmail } from "../../src/lib/auth/subjects";
import { generateCode, generateToken, hashCode, hashesEqual, hashSecret } from "../../src/lib/auth/tokens";

describe("generateToken", () => {
  it("carries 160 bits in base32", () => {
    const token = generateToken();

    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(new Set(Array.from({ length: 1000 }, generateToken)).size).toBe(1000);
  });
});

describe("generateCode", () => {
  it("returns six digits and covers every leading digit", () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    const leadingDigits = new Set(codes.map((code) => code[0]));

    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(leadingDigits.size).toBe(10);
  });
});

describe("hashes", () => {
  it("store no plain secret and tie a code to its request", () => {
    const hash = hashSecret("token");

    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode("request-a", "123456")).not.toBe(hashCode("request-b", "123456"));
    expect(hashesEqual(hash, hashSecret("token"))).toBe(true);
    expect(hashesEqual(hash, hashSecret("other"))).toBe(false);
    expect(hashesEqual(hash, "short")).toBe(false);
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases valid addresses", () => {
    expect(normalizeEmail("  Sanne@Example.NL ")).toBe("sanne@example.nl");
    expect(normalizeEmail("joëlle@voorbeeld.nl")).toBe("joëlle@voorbeeld.nl");
  });

  it.each([
    "",
    "sanne",
    "sanne@",
    "@example.nl",
    "sanne@example",
    "a b@example.nl",
    42,
    null,
    `${"a".repeat(250)}@x.nl`,
  ])("rejects %j", (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });
});
