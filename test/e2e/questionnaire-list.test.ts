import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, launchChromium } from "./support/browser";
import { type AssignmentRow, dutchDate, findAssignment, readClientAssignments } from "./support/portal-data";
import { CLIENTS } from "./support/seed";
import { newSignedInContext, openPortalPage } from "./support/session";

let browser: Browser;
let assignments: AssignmentRow[];

const client = CLIENTS.sanne;

beforeAll(async () => {
  browser = await launchChromium();
  assignments = await readClientAssignments(client.id);
});

afterAll(async () => {
  await browser?.close();
});

describe("questionnaire list", () => {
  it("lists pending before completed", async () => {
    const context = await newSignedInContext(browser, client);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openPortalPage(page, "/forms");

    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Vragenlijsten");
    await expect(page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents()).resolves.toEqual([
      "In te vullen",
      "Ingevuld",
    ]);

    const pending = page.getByRole("region", { name: "In te vullen", exact: true }).getByRole("listitem");
    const pendingIds = ["asg_demo_overdue", "asg_demo_today", "asg_demo_later", "asg_demo_undated"];
    await expect(pending.count()).resolves.toBe(pendingIds.length);

    for (const [index, id] of pendingIds.entries()) {
      const card = pending.nth(index);
      const title = findAssignment(assignments, id).title;
      await expect(card.getByRole("heading", { level: 3 }).textContent()).resolves.toBe(title);
      const action = card.getByRole("link", { name: `${title} invullen`, exact: true });
      await expect(action.getAttribute("href")).resolves.toBe(`/forms/${id}`);
      await expect(action.textContent().then((text) => text?.trim())).resolves.toBe("Invullen");
    }

    const overdueCard = pending.nth(0);
    await expect(overdueCard.getByText("Te laat", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(overdueCard.locator("svg").isVisible()).resolves.toBe(true);
    await expect(pending.nth(1).getByText("Vandaag invullen", { exact: true }).isVisible()).resolves.toBe(true);
    for (const index of [1, 2, 3]) {
      await expect(pending.nth(index).getByText("Te laat").count()).resolves.toBe(0);
    }

    const completedRow = findAssignment(assignments, "asg_demo_completed");
    expect(completedRow.completedAt).not.toBeNull();
    const completed = page.getByRole("region", { name: "Ingevuld", exact: true }).getByRole("listitem");
    await expect(completed.count()).resolves.toBe(1);
    await expect(completed.textContent()).resolves.toContain(`Ingevuld op ${dutchDate(completedRow.completedAt ?? 0)}`);
    await expect(completed.getByText("Te laat").count()).resolves.toBe(0);
    const view = completed.getByRole("link", { name: `${completedRow.title} bekijken`, exact: true });
    await expect(view.getAttribute("href")).resolves.toBe("/forms/asg_demo_completed");
    await expect(view.textContent().then((text) => text?.trim())).resolves.toBe("Bekijken");

    expect(errors).toEqual([]);
    await context.close();
  });
});
