import { describe, expect, it } from "vitest";

import { calendarDateIn } from "../../src/lib/time/calendar";
import { createAssignment, createClient, createPractice, createQuestionnaireVersion } from "./support/fixtures";
import { signInWithLink } from "./support/sign-in";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("questionnaire list", () => {
  it("shows an empty state", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);

    const html = await (await browser.get("/forms")).text();

    expect(html).toContain("Je praktijk heeft je nog geen vragenlijsten gestuurd.");
  });

  it("lists pending first, overdue on top, then completed", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const later = await createQuestionnaireVersion(practice.id, {
      title: "Later",
      description: "Over je week.",
      questionCount: 1,
    });
    const overdue = await createQuestionnaireVersion(practice.id, { title: "Verlopen", questionCount: 9 });
    const done = await createQuestionnaireVersion(practice.id, { title: "Klaar" });
    const withdrawn = await createQuestionnaireVersion(practice.id, { title: "Ingetrokken" });
    const laterAssignment = await createAssignment(practice.id, client.id, later.id, {
      dueDate: calendarDateIn(new Date(Date.now() + 3 * DAY_MS), practice.timeZone),
    });
    await createAssignment(practice.id, client.id, overdue.id, {
      dueDate: calendarDateIn(new Date(Date.now() - 2 * DAY_MS), practice.timeZone),
    });
    await createAssignment(practice.id, client.id, done.id, {
      status: "completed",
      completedAt: new Date("2026-11-20T10:00:00Z"),
    });
    await createAssignment(practice.id, client.id, withdrawn.id, { status: "withdrawn" });
    const browser = await signInWithLink(practice.host, client.email);

    const html = await (await browser.get("/forms")).text();
    const titles = [...html.matchAll(/<h3 class="task__title"[^>]*>([^<]+)</g)].map((match) => match[1]);

    expect(titles).toEqual(["Verlopen", "Later", "Klaar"]);
    expect(html).toContain("9 vragen");
    expect(html).toContain("1 vraag");
    expect(html).toContain("Over je week.");
    expect(html).toContain("Te laat");
    expect(html).toContain("Ingevuld op 20 november 2026");
    expect(html).toContain(`href="/forms/${laterAssignment.id}"`);
    expect(html).toContain('aria-label="Later invullen"');
    expect(html).toContain('aria-label="Klaar bekijken"');
  });
});
