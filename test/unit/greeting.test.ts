import { describe, expect, it } from "vitest";

import { greetingKey } from "../../src/lib/people/greeting";

describe("greetingKey", () => {
  it("follows the clock of the practice, not UTC", () => {
    // 10:30 UTC is 11:30 in Amsterdam in winter and 12:30 in summer.
    expect(greetingKey(new Date("2026-12-04T10:30:00Z"), "Europe/Amsterdam")).toBe("dashboard.greeting.morning");
    expect(greetingKey(new Date("2026-07-04T10:30:00Z"), "Europe/Amsterdam")).toBe("dashboard.greeting.afternoon");
    expect(greetingKey(new Date("2026-12-04T17:30:00Z"), "Europe/Amsterdam")).toBe("dashboard.greeting.evening");
    expect(greetingKey(new Date("2026-12-04T03:30:00Z"), "Europe/Amsterdam")).toBe("dashboard.greeting.evening");
  });
});
