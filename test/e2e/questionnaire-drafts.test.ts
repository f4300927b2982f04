import { readFileSync } from "node:fs";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, launchChromium } from "./support/browser";
import { executeSql } from "./support/database";
import { SAVED_AT, saveStatus, waitForSaveStatus, withoutProvokedErrors } from "./support/fill-page";
import { waitForHydration } from "./support/hydration";
import { addClientsSql, assignSql, importOrThrow, readDraft, readSubmission } from "./support/questionnaire-data";
import { fillQuestionnaire } from "./support/questionnaire-filler";
import { FORM_CLIENT } from "./support/seed";
import { newSignedInContext, openPortalPage } from "./support/session";

let browser: Browser;

/**
 * The demo practice's intake questionnaire: a required text, a yes/no, a number and a choice. The
 * seed stores db/seed/questionnaires/kennismaking.json as this version.
 */
const KENNISMAKING_VERSION = "qst_demo_kennismaking_v1";
const KENNISMAKING = importOrThrow(
  readFileSync(new URL("../../db/seed/questionnaires/kennismaking.json", import.meta.url), "utf8"),
);
const ASSIGNMENTS = {
  conflict: "asg_e2e_draft_conflict",
  doubleClick: "asg_e2e_double_click",
  offline: "asg_e2e_draft_offline",
} as const;

const REASON_LABEL = "Wat is de belangrijkste reden dat je hulp zoekt? (verplicht)";
const SLEEP_LABEL = "Hoeveel uur slaap je gemiddeld per nacht?";
const CONFLICT_TEXT =
  "Deze vragenlijst is in een ander tabblad of venster gewijzigd, daarom zijn je laatste antwoorden hier niet opgeslagen.";
const RETRYING_TEXT = "Niet opgeslagen, we proberen het opnieuw";

let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();

  const assignments = Object.values(ASSIGNMENTS).map((id) => ({
    id,
    clientId: FORM_CLIENT.id,
    versionId: KENNISMAKING_VERSION,
  }));
  await executeSql(`${addClientsSql([FORM_CLIENT])};\n${assignSql(assignments)}`);
  context = await newSignedInContext(browser, FORM_CLIENT);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Opens a fill-in page of Mila's as a new tab of the shared context and waits until the form works. */
async function openTab(assignmentId: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await openPortalPage(page, `/forms/${assignmentId}`);
  await waitForHydration(page);
  return { page, errors };
}

function parseAnswers(json: string | undefined): unknown {
  return json === undefined ? undefined : JSON.parse(json);
}

describe("two tabs on one draft", () => {
  it("keeps both tabs' answers and saves the chosen ones", async () => {
    const assignmentId = ASSIGNMENTS.conflict;
    const tabA = await openTab(assignmentId);
    const tabB = await openTab(assignmentId);
    const answerA = "Slecht slapen, getypt in tabblad A";
    const answerB = "Piekeren, getypt in tabblad B";

    await tabA.page.getByLabel(REASON_LABEL, { exact: true }).fill(answerA);
    await waitForSaveStatus(tabA.page, SAVED_AT);

    await tabB.page.getByLabel(REASON_LABEL, { exact: true }).fill(answerB);
    await tabB.page.getByLabel(SLEEP_LABEL, { exact: true }).fill("6");
    await waitForSaveStatus(tabB.page, new RegExp(`^${CONFLICT_TEXT}`));
    await expect(tabB.page.getByLabel(REASON_LABEL, { exact: true }).inputValue()).resolves.toBe(answerB);
    await expect(tabB.page.getByLabel(SLEEP_LABEL, { exact: true }).inputValue()).resolves.toBe("6");

    await saveStatus(tabB.page).getByRole("button", { name: "De antwoorden op deze pagina bewaren" }).click();
    await waitForSaveStatus(tabB.page, SAVED_AT);
    // Revision 1 is tab A's save, so the stale save from tab B changed nothing.
    const draftOfB = await readDraft(assignmentId);
    expect(draftOfB?.revision).toBe(2);
    expect(parseAnswers(draftOfB?.answersJson)).toEqual({
      reden: [{ type: "string", value: answerB }],
      slaap: [{ type: "integer", value: 6 }],
    });

    // Tab A still has revision 1, so its next save must not overwrite B's answers either.
    await tabA.page.getByLabel(SLEEP_LABEL, { exact: true }).fill("8");
    await waitForSaveStatus(tabA.page, new RegExp(`^${CONFLICT_TEXT}`));
    await expect(tabA.page.getByLabel(REASON_LABEL, { exact: true }).inputValue()).resolves.toBe(answerA);
    await expect(tabA.page.getByLabel(SLEEP_LABEL, { exact: true }).inputValue()).resolves.toBe("8");

    await saveStatus(tabA.page).getByRole("button", { name: "De andere versie laden" }).click();
    await tabA.page.waitForLoadState("load");
    await waitForHydration(tabA.page);
    await expect(tabA.page.getByLabel(REASON_LABEL, { exact: true }).inputValue()).resolves.toBe(answerB);
    await expect(tabA.page.getByLabel(SLEEP_LABEL, { exact: true }).inputValue()).resolves.toBe("6");
    await expect(readDraft(assignmentId)).resolves.toEqual(draftOfB);

    const draftPath = `/api/forms/${assignmentId}/draft`;
    expect(withoutProvokedErrors(tabA.errors, draftPath, { statuses: [409] })).toEqual([]);
    expect(withoutProvokedErrors(tabB.errors, draftPath, { statuses: [409] })).toEqual([]);
    await tabA.page.close();
    await tabB.page.close();
  });
});

describe("submitting", () => {
  it("stores one response for a double click", async () => {
    const assignmentId = ASSIGNMENTS.doubleClick;
    const { page, errors } = await openTab(assignmentId);

    const { answers } = await fillQuestionnaire(page, KENNISMAKING, "nl");
    await page.getByRole("button", { name: "Versturen", exact: true }).dblclick();
    await page.waitForURL((url) => url.pathname === `/forms/${assignmentId}` && url.search === "?submitted=1");

    const submission = await readSubmission(assignmentId);
    expect(submission.responseCount).toBe(1);
    expect(submission.auditEventCount).toBe(1);
    expect(parseAnswers(submission.answersJson ?? undefined)).toEqual(answers);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("saving without a network", () => {
  it("retries until the draft is saved", async () => {
    const assignmentId = ASSIGNMENTS.offline;
    const draftPath = `/api/forms/${assignmentId}/draft`;
    const { page, errors } = await openTab(assignmentId);
    let abortedRequests = 0;
    const abort = (route: { abort: () => Promise<void> }) => {
      abortedRequests += 1;
      return route.abort();
    };
    await page.route("**/api/forms/**/draft", abort);

    const answer = "Getypt zonder verbinding";
    await page.getByLabel(REASON_LABEL, { exact: true }).fill(answer);
    await waitForSaveStatus(page, RETRYING_TEXT);
    expect(abortedRequests).toBe(1);

    await page.unroute("**/api/forms/**/draft", abort);
    // The first retry comes 2 seconds after the failed save.
    await waitForSaveStatus(page, SAVED_AT, 6_000);
    await expect(readDraft(assignmentId).then((draft) => parseAnswers(draft?.answersJson))).resolves.toEqual({
      reden: [{ type: "string", value: answer }],
    });
    expect(withoutProvokedErrors(errors, draftPath, { aborted: true })).toEqual([]);
    await page.close();
  });
});
