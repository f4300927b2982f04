import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, launchChromium, newContext, practiceOrigin } from "./support/browser";
import { executeSql } from "./support/database";
import { SAVED_AT, saveStatus, waitForSaveStatus, withoutProvokedErrors } from "./support/fill-page";
import { waitForHydration } from "./support/hydration";
import { sqlString } from "./support/portal-data";
import { addClientsSql, assignSql, readDraft } from "./support/questionnaire-data";
import { DEMO_PRACTICE, EXPIRY_CLIENT } from "./support/seed";
import { confirmSignInLink, requestSignInMail, signInWithLink } from "./support/sign-in";

let browser: Browser;
const origin = practiceOrigin(DEMO_PRACTICE.slug);
const assignmentId = "asg_e2e_session_expiry";
const formPath = `/forms/${assignmentId}`;

const REASON_LABEL = "Wat is de belangrijkste reden dat je hulp zoekt? (verplicht)";
const SIGNED_OUT_TEXT = "Niet opgeslagen: je bent uitgelogd. Je antwoorden blijven op deze pagina staan.";
const SIGN_IN_AGAIN = "Log opnieuw in om ze op te slaan";

beforeAll(async () => {
  browser = await launchChromium();
  await executeSql(
    `${addClientsSql([EXPIRY_CLIENT])};\n${assignSql([
      { id: assignmentId, clientId: EXPIRY_CLIENT.id, versionId: "qst_demo_kennismaking_v1" },
    ])}`,
  );
});

afterAll(async () => {
  await browser?.close();
});

describe("session expiry while filling in", () => {
  it("keeps typed answers through signing in again", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInWithLink(page, origin, EXPIRY_CLIENT.email, DEMO_PRACTICE.name);
    await page.goto(`${origin}${formPath}`);
    await waitForHydration(page);

    // Ends the session on the server, as an idle timeout or "sign out on all devices" would.
    await executeSql(
      `DELETE FROM sessions WHERE practice_id = 'prac_demo' AND subject_type = 'client' AND subject_id = ${sqlString(EXPIRY_CLIENT.id)}`,
    );
    const answer = "Getypt nadat de sessie was verlopen";
    await page.getByLabel(REASON_LABEL, { exact: true }).fill(answer);
    await waitForSaveStatus(page, `${SIGNED_OUT_TEXT} ${SIGN_IN_AGAIN}`);
    const signInLink = saveStatus(page).getByRole("link", { name: SIGN_IN_AGAIN, exact: true });
    await expect(signInLink.getAttribute("href")).resolves.toBe(
      `/login?${new URLSearchParams({ next: formPath }).toString()}`,
    );

    await signInLink.click();
    await page.waitForURL((url) => url.pathname === "/login");
    const mail = await requestSignInMail(page, origin, EXPIRY_CLIENT.email, { openLoginPage: false });
    await confirmSignInLink(page, mail.link, DEMO_PRACTICE.name);
    expect(new URL(page.url()).pathname).toBe(formPath);

    await waitForHydration(page);
    await expect(page.getByLabel(REASON_LABEL, { exact: true }).inputValue()).resolves.toBe(answer);
    await waitForSaveStatus(page, SAVED_AT);
    await expect(readDraft(assignmentId).then((draft) => JSON.parse(draft?.answersJson ?? "null"))).resolves.toEqual({
      reden: [{ type: "string", value: answer }],
    });

    expect(withoutProvokedErrors(errors, `/api/forms/${assignmentId}/draft`, { statuses: [401] })).toEqual([]);
    await context.close();
  });
});
