import { describe, expect, it } from "vitest";

import { contrastRatio, readableTextColor, WCAG_AA_TEXT_CONTRAST } from "../../src/lib/branding/contrast";

describe("readableTextColor", () => {
  it("matches the WCAG reference ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("picks white on dark and black on light brand colours", () => {
    expect(readableTextColor("#2f6f5e")).toBe("#ffffff");
    expect(readableTextColor("#f2c14e")).toBe("#000000");
  });

  it("reaches AA contrast for every grey and primary", () => {
    for (let value = 0; value <= 255; value += 5) {
      const hex = value.toString(16).padStart(2, "0");
      for (const colour of [`#${hex}${hex}${hex}`, `#${hex}0000`, `#00${hex}00`, `#0000${hex}`]) {
        expect(contrastRatio(colour, readableTextColor(colour)), colour).toBeGreaterThanOrEqual(WCAG_AA_TEXT_CONTRAST);
      }
    }
  });
});
