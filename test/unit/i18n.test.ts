import { describe, expect, it } from "vitest";

import { en } from "../../src/lib/i18n/dictionaries/en";
import { nl } from "../../src/lib/i18n/dictionaries/nl";
import { formatDate, formatFileSize } from "../../src/lib/i18n/format";
import { chooseLocale } from "../../src/lib/i18n/negotiate";
import { translate } from "../../src/lib/i18n/translate";

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
}

describe("dictionaries", () => {
  it("hold the same keys in Dutch and English", () => {
    const dutchKeys = Object.keys(nl).sort();
    const englishKeys = Object.keys(en).sort();

    expect(dutchKeys.filter((key) => !(key in en))).toEqual([]);
    expect(englishKeys.filter((key) => !(key in nl))).toEqual([]);
  });

  it("use the same parameters in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(nl[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("have no empty messages", () => {
    for (const [key, message] of [...Object.entries(nl), ...Object.entries(en)]) {
      expect(message.trim(), key).not.toBe("");
    }
  });

  it("use dotted keys", () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[a-z_]+(\.[a-z_0-9]+)+$/);
  });
});

describe("translate", () => {
  it("fills in parameters", () => {
    expect(translate("nl", "login.title", { practice: "Praktijk De Linde" })).toBe("Inloggen bij Praktijk De Linde");
    expect(translate("en", "login.title", { practice: "Praktijk De Linde" })).toBe("Sign in to Praktijk De Linde");
  });

  it("leaves a missing parameter visible", () => {
    expect(translate("en", "login.title")).toBe("Sign in to {practice}");
  });
});

describe("chooseLocale", () => {
  it("prefers the subject, then the cookie, then the practice", () => {
    expect(chooseLocale({ subjectLocale: "en", cookieLocale: "nl", practiceDefault: "nl" })).toBe("en");
    expect(chooseLocale({ subjectLocale: null, cookieLocale: "en", practiceDefault: "nl" })).toBe("en");
    expect(chooseLocale({ subjectLocale: null, cookieLocale: "fr", practiceDefault: "nl" })).toBe("nl");
    expect(chooseLocale({ subjectLocale: undefined, cookieLocale: undefined, practiceDefault: "en" })).toBe("en");
  });
});

describe("format", () => {
  it("formats dates in the practice time zone", () => {
    const lateEvening = new Date("2026-12-04T23:30:00Z");

    expect(formatDate("nl", lateEvening, "Europe/Amsterdam")).toBe("5 december 2026");
    expect(formatDate("en", lateEvening, "Europe/Amsterdam")).toBe("5 December 2026");
    expect(formatDate("nl", lateEvening, "UTC")).toBe("4 december 2026");
  });

  it("formats sizes with the locale's decimal separator", () => {
    expect(formatFileSize("nl", 1_200_000)).toBe("1,2 MB");
    expect(formatFileSize("en", 1_200_000)).toBe("1.2 MB");
    expect(formatFileSize("nl", 512)).toBe("512 byte");
  });
});
