import { describe, expect, it } from "vitest";

import { presentAssignment } from "../../src/lib/forms/present";
import { calendarDateIn, isCalendarDate, isOverdue } from "../../src/lib/time/calendar";

const AMSTERDAM = "Europe/Amsterdam";

describe("isOverdue", () => {
  it.each([
    // due date, instant (UTC), overdue in Amsterdam
    ["2026-12-04", "2026-12-04T22:59:00Z", false], // 23:59 on D (CET, UTC+1)
    ["2026-12-04", "2026-12-04T23:00:00Z", true], // 00:00 on D+1
    ["2026-07-04", "2026-07-04T21:59:00Z", false], // 23:59 on D (CEST, UTC+2)
    ["2026-07-04", "2026-07-04T22:00:00Z", true],
    // Clocks go forward on 29 March 2026: D = 28 March is still winter time at its midnight.
    ["2026-03-28", "2026-03-28T22:59:00Z", false],
    ["2026-03-28", "2026-03-28T23:00:00Z", true],
    // D = 29 March ends in summer time.
    ["2026-03-29", "2026-03-29T21:59:00Z", false],
    ["2026-03-29", "2026-03-29T22:00:00Z", true],
    // Clocks go back on 25 October 2026: D = 24 October ends in summer time.
    ["2026-10-24", "2026-10-24T21:59:00Z", false],
    ["2026-10-24", "2026-10-24T22:00:00Z", true],
    // D = 25 October ends in winter time.
    ["2026-10-25", "2026-10-25T22:59:00Z", false],
    ["2026-10-25", "2026-10-25T23:00:00Z", true],
  ])("due %s at %s gives %s", (dueDate, instant, expected) => {
    expect(isOverdue(dueDate, new Date(instant), AMSTERDAM)).toBe(expected);
  });

  it("is never overdue without a due date", () => {
    expect(isOverdue(null, new Date("2030-01-01T00:00:00Z"), AMSTERDAM)).toBe(false);
  });
});

describe("calendarDateIn", () => {
  it("gives the local date, not the UTC date", () => {
    expect(calendarDateIn(new Date("2026-12-04T23:30:00Z"), AMSTERDAM)).toBe("2026-12-05");
    expect(calendarDateIn(new Date("2026-12-04T23:30:00Z"), "UTC")).toBe("2026-12-04");
  });
});

describe("isCalendarDate", () => {
  it.each(["2026-02-28", "2028-02-29"])("accepts %s", (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(["2026-02-29", "2026-13-01", "2026-1-01", "01-02-2026", "", 20260101, null])("rejects %j", (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe("presentAssignment", () => {
  const base = {
    id: "asg_1",
    title: "PHQ-9",
    description: null,
    questionCount: 9,
    status: "pending" as const,
    completedAt: null,
  };

  it("labels overdue, today and later in Dutch", () => {
    const now = new Date("2026-12-04T10:00:00Z");
    const options = { locale: "nl" as const, timeZone: AMSTERDAM, now };

    const overdue = presentAssignment({ ...base, dueDate: "2026-12-03" }, options);
    const today = presentAssignment({ ...base, dueDate: "2026-12-04" }, options);
    const later = presentAssignment({ ...base, dueDate: "2026-12-18" }, options);

    expect(overdue.overdue).toBe(true);
    expect(overdue.dueLabel).toBe("Moest uiterlijk 3 december 2026 ingevuld zijn");
    expect(today.overdue).toBe(false);
    expect(today.dueLabel).toBe("Vandaag invullen");
    expect(later.dueLabel).toBe("Invullen vóór of op 18 december 2026");
    expect(later.questionCountLabel).toBe("9 vragen");
    expect(later.actionLabel).toBe("Invullen");
  });

  it("shows a completed one with its date in English", () => {
    const card = presentAssignment(
      {
        ...base,
        dueDate: "2026-11-01",
        status: "completed",
        completedAt: new Date("2026-11-20T09:00:00Z"),
        questionCount: 1,
      },
      { locale: "en", timeZone: AMSTERDAM, now: new Date("2026-12-04T10:00:00Z") },
    );

    expect(card.overdue).toBe(false);
    expect(card.dueLabel).toBeNull();
    expect(card.completedLabel).toBe("Completed on 20 November 2026");
    expect(card.questionCountLabel).toBe("1 question");
    expect(card.actionLabel).toBe("View");
  });
});
