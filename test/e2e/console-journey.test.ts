import { readFile } from "node:fs/promises";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type MessageKey, type MessageParams, translate } from "../../src/lib/i18n/translate";
import { PHQ9_NL } from "../../src/lib/questionnaires";
import { samplePdf } from "../fixtures/files/samples";
import {
  collectPageErrors,
  describeViolations,
  findAxeViolations,
  launchChromium,
  newContext,
} from "./support/browser";
import { type AuditLogRow, practiceDate, readAuditLog, readText } from "./support/console-data";
import {
  confirmStaffSignInLink,
  consoleOrigin,
  requestStaffSignInMail,
  STAFF,
  saveStaffSession,
  staffStorageState,
} from "./support/console-session";
import { waitForHydration } from "./support/hydration";
import { dutchCalendarDate, dutchDate, dutchFileSize } from "./support/portal-data";
import { DEMO_PRACTICE } from "./support/seed";
import { signInWithLink } from "./support/sign-in";

// One client's way through the console and the portal. Each test continues where the previous one
// stopped, so after a failure the later tests fail at once (see `step`).

/** The client this file creates through the console's form, so that no other test file reads her data. */
const CLIENT = {
  firstName: "Zoë",
  lastName: "Jänsen-Çelik",
  email: "zoe.jansen@example.nl",
  fullName: "Zoë Jänsen-Çelik",
} as const;

const FILE_NAME = "Behandelplan – Jänsen (déf).pdf";
const PDF_BYTES = samplePdf();

/** Answer positions per PHQ-9 question, each scored 0 to 3: a total of 10, the "moderate" band. */
const PHQ9_ANSWERS = [1, 2, 1, 2, 1, 2, 1, 0, 0];
const PHQ9_TOTAL = 10;
const PHQ9_TITLE = "Patiëntvragenlijst over de gezondheid (PHQ-9)";
const FREQUENCY_LABELS = ["Helemaal niet", "Meerdere dagen", "Meer dan de helft van de dagen", "Bijna elke dag"];
const DIFFICULTY_ANSWER = "Enigszins moeilijk";

/** The question texts of the built-in Dutch PHQ-9, in order. */
const PHQ9_QUESTIONS = (() => {
  const [group] = PHQ9_NL.item as { item: { text: string }[] }[];
  if (!group) throw new Error("the Dutch PHQ-9 has no question group");
  return group.item.map((item) => item.text);
})();

/** Returns a text of the Dutch dictionary, as the console and portal show it. */
function nl(key: MessageKey, params?: MessageParams): string {
  return translate("nl", key, params);
}

let browser: Browser;
let staffContext: BrowserContext;
let staffPage: Page;
let clientContext: BrowserContext;
let clientPage: Page;
/** Console errors and uncaught exceptions of both browsers, checked by the last test. */
let staffErrors: string[];
let clientErrors: string[];

let clientId = "";
let documentId = "";
let assignmentId = "";
const tomorrow = practiceDate(1);
const origin = consoleOrigin();

beforeAll(async () => {
  browser = await launchChromium();
  staffContext = await newContext(browser);
  staffPage = await staffContext.newPage();
  staffErrors = collectPageErrors(staffPage);
  clientContext = await newContext(browser);
  clientPage = await clientContext.newPage();
  clientErrors = collectPageErrors(clientPage);
});

afterAll(async () => {
  await browser?.close();
});

/** The first step that failed. The steps after it fail at once instead of waiting for a page that never loads. */
let failedStep: string | null = null;

/**
 * Declares one step of the journey, which runs only when every step before it passed. A failed
 * step stops the later ones, unless it only reads (`readOnly`), so the checks of the audit log
 * each report on their own.
 */
function step(name: string, body: () => Promise<void>, options: { readOnly?: boolean } = {}) {
  it(name, async () => {
    if (failedStep) throw new Error(`not run, because an earlier step failed: ${failedStep}`);
    try {
      await body();
    } catch (error) {
      if (!options.readOnly) failedStep = name;
      throw error;
    }
  });
}

/** Declares a step that only reads: its failure does not stop the steps after it. */
function check(name: string, body: () => Promise<void>) {
  step(name, body, { readOnly: true });
}

const eva = nl("console.audit.actor.staff", { name: STAFF.eva.name });
const client = nl("console.audit.actor.client", { name: CLIENT.fullName });

function actionLabel(action: string): string {
  return nl(`console.audit.action.${action}` as MessageKey);
}

/** Opens the audit log, filters it by the client through the form and returns its rows. */
async function openClientAuditLog(): Promise<AuditLogRow[]> {
  await staffPage.goto(`${origin}/practice/audit`);
  await staffPage
    .getByLabel(nl("console.audit.filter.client"), { exact: true })
    .selectOption({ label: CLIENT.fullName });
  await staffPage.getByRole("button", { name: nl("console.audit.filter.submit") }).click();
  await staffPage.waitForURL((url) => url.searchParams.get("client") === clientId);
  return readAuditLog(staffPage);
}

/**
 * Checks that the audit log, which lists the newest event first, contains the steps in the order
 * they happened: by `who`, with the action's label, on a record whose name contains `about`.
 */
function expectStepsInOrder(rows: AuditLogRow[], steps: { who: string; action: string; about: string }[]) {
  const oldestFirst = [...rows].reverse();
  let position = 0;
  const missing: string[] = [];
  for (const expected of steps) {
    const found = oldestFirst.findIndex(
      (row, index) =>
        index >= position &&
        row.who === expected.who &&
        row.what === actionLabel(expected.action) &&
        row.record.includes(expected.about),
    );
    if (found === -1) missing.push(`${expected.who}: ${expected.action} (${expected.about})`);
    else position = found + 1;
  }
  const logText = rows.map((row) => Object.values(row).join(" | ")).join("\n");
  expect(missing, `audit log, newest first:\n${logText}`).toEqual([]);
}

function clientPath(): string {
  return `/practice/clients/${encodeURIComponent(clientId)}`;
}

function documentRow(page: Page) {
  return page.locator(`tr[data-document-id="${documentId}"]`);
}

function assignmentRow(page: Page) {
  return page.locator(`tr[data-assignment-id="${assignmentId}"]`);
}

describe("practice console journey", () => {
  step("signs Eva in through the link in her email", async () => {
    const mail = await requestStaffSignInMail(staffPage, STAFF.eva);
    await expect(readText(staffPage.getByRole("heading", { level: 1 }))).resolves.toBe(nl("check.title"));
    expect(mail.message.subject).toContain(DEMO_PRACTICE.name);

    await confirmStaffSignInLink(staffPage, mail.link);
    await expect(readText(staffPage.getByRole("heading", { level: 1 }))).resolves.toBe(nl("console.clients.title"));
    await expect(readText(staffPage.locator("footer"))).resolves.toContain(STAFF.eva.name);

    // Other console test files reuse this session instead of asking for another email.
    await saveStaffSession(staffContext, STAFF.eva);
  });

  step("creates a client and grants portal access", async () => {
    await staffPage.getByRole("link", { name: nl("console.clients.new_link") }).click();
    await staffPage.waitForURL(`${origin}/practice/clients/new`);

    const form = staffPage.getByRole("main");
    await form.getByLabel(nl("console.clients.field.first_name"), { exact: true }).fill(CLIENT.firstName);
    await form.getByLabel(nl("console.clients.field.last_name"), { exact: true }).fill(CLIENT.lastName);
    await form.getByLabel(nl("console.clients.field.email"), { exact: true }).fill(CLIENT.email);
    await form
      .getByLabel(nl("console.clients.field.language"), { exact: true })
      .selectOption({ label: nl("console.clients.language.nl") });
    await form.getByRole("button", { name: nl("console.clients.new.submit") }).click();

    await staffPage.waitForURL((url) => /^\/practice\/clients\/[^/]+$/.test(url.pathname));
    clientId = decodeURIComponent(new URL(staffPage.url()).pathname.split("/").at(-1) ?? "");
    expect(clientId).not.toBe("new");
    await expect(readText(staffPage.getByRole("heading", { level: 1 }))).resolves.toBe(CLIENT.fullName);

    await staffPage.getByRole("button", { name: nl("console.clients.access.grant") }).click();
    await staffPage.waitForURL((url) => url.searchParams.get("notice") === "access_granted");
    await expect(staffPage.getByText(nl("console.clients.access.granted")).isVisible()).resolves.toBe(true);
  });

  step("uploads a PDF with a Dutch name and shares it", async () => {
    await waitForHydration(staffPage);
    await staffPage
      .getByRole("main")
      .getByLabel(nl("console.documents.upload.file"), { exact: true })
      .setInputFiles({ name: FILE_NAME, mimeType: "application/pdf", buffer: Buffer.from(PDF_BYTES) });
    await staffPage.getByRole("button", { name: nl("console.documents.upload.submit"), exact: true }).click();

    await staffPage.waitForURL((url) => url.searchParams.get("document_notice") === "uploaded");
    await expect(staffPage.getByText(nl("console.documents.notice.uploaded")).isVisible()).resolves.toBe(true);
    const row = staffPage.getByRole("row").filter({ has: staffPage.getByRole("link", { name: FILE_NAME }) });
    await expect(row.count()).resolves.toBe(1);
    documentId = (await row.getAttribute("data-document-id")) ?? "";
    expect(documentId).not.toBe("");
    await expect(readText(documentRow(staffPage).locator("th"))).resolves.toContain(
      `PDF · ${dutchFileSize(PDF_BYTES.byteLength)}`,
    );
    await expect(readText(documentRow(staffPage).locator(".document-row__sharing"))).resolves.toBe(
      nl("console.documents.state.not_shared"),
    );

    const button = (key: MessageKey) =>
      documentRow(staffPage).getByRole("button", { name: `${nl(key)} ${FILE_NAME}`, exact: true });
    await button("console.documents.share").click();
    await staffPage.waitForURL((url) => url.searchParams.get("document_notice") === "share");
    await expect(staffPage.getByText(nl("console.documents.notice.shared")).isVisible()).resolves.toBe(true);
    await expect(readText(documentRow(staffPage).locator(".document-row__sharing"))).resolves.toMatch(
      new RegExp(`^Gedeeld op .+ door ${STAFF.eva.name}$`),
    );
    await expect(button("console.documents.share").count()).resolves.toBe(0);
    await expect(button("console.documents.unshare").count()).resolves.toBe(1);
  });

  step("assigns the Dutch PHQ-9 due tomorrow", async () => {
    const form = staffPage.locator("form.assign-form");
    await form.getByLabel(nl("console.questionnaires.assign.questionnaire"), { exact: true }).selectOption({
      label: `${PHQ9_TITLE} (${nl("console.clients.language.en")}, ${nl("console.clients.language.nl")})`,
    });
    await form.getByLabel(nl("console.questionnaires.assign.due_date")).fill(tomorrow);
    await form.getByRole("button", { name: nl("console.questionnaires.assign.submit") }).click();

    await staffPage.waitForURL((url) => url.searchParams.get("questionnaire_notice") === "assigned");
    const row = staffPage.getByRole("row").filter({ hasText: PHQ9_TITLE });
    await expect(row.count()).resolves.toBe(1);
    assignmentId = (await row.getAttribute("data-assignment-id")) ?? "";
    expect(assignmentId).not.toBe("");
    await expect(readText(assignmentRow(staffPage).locator("td").first())).resolves.toBe(dutchCalendarDate(tomorrow));
    await expect(readText(assignmentRow(staffPage).locator(".assignment-row__status"))).resolves.toBe(
      nl("console.questionnaires.status.pending"),
    );
  });

  step("shows the client both on her overview", async () => {
    await signInWithLink(clientPage, origin, CLIENT.email, DEMO_PRACTICE.name);
    await waitForHydration(clientPage);

    const documents = clientPage.getByRole("region", { name: nl("dashboard.documents.title") });
    const documentItem = documents.getByRole("listitem").filter({ hasText: FILE_NAME });
    await expect(documentItem.count()).resolves.toBe(1);
    await expect(documentItem.getByRole("link", { name: FILE_NAME }).getAttribute("href")).resolves.toBe(
      `/documents/${documentId}`,
    );
    await expect(readText(documentItem)).resolves.toContain(dutchFileSize(PDF_BYTES.byteLength));
    await expect(readText(documentItem)).resolves.toContain(`Gedeeld op ${dutchDate(Date.now())}`);

    const pending = clientPage.getByRole("region", { name: nl("dashboard.pending.title") });
    const card = pending.getByRole("listitem");
    await expect(card.count()).resolves.toBe(1);
    await expect(readText(card.getByRole("link"))).resolves.toBe(PHQ9_TITLE);
    await expect(readText(card)).resolves.toContain(nl("forms.due", { date: dutchCalendarDate(tomorrow) }));
    await expect(card.getByText(nl("forms.overdue")).count()).resolves.toBe(0);
  });

  step("opens the document in the portal", async () => {
    await clientPage
      .getByRole("region", { name: nl("dashboard.documents.title") })
      .getByRole("link", { name: FILE_NAME })
      .click();
    await clientPage.waitForURL(`${origin}/documents/${documentId}`);
    await expect(readText(clientPage.getByRole("heading", { level: 1 }))).resolves.toBe(FILE_NAME);

    const download = clientPage.getByRole("link", { name: new RegExp(`${FILE_NAME.replace(/[()]/g, "\\$&")}`) });
    await expect(download.first().getAttribute("download")).resolves.toBe(FILE_NAME);
    await expect(clientPage.locator(`iframe[src="/documents/${documentId}/file"]`).count()).resolves.toBe(1);
  });

  step("lets the client fill in and submit the PHQ-9", async () => {
    await clientPage.goto(`${origin}/dashboard`);
    await clientPage
      .getByRole("region", { name: nl("dashboard.pending.title") })
      .getByRole("link", { name: PHQ9_TITLE })
      .click();
    await clientPage.waitForURL(`${origin}/forms/${assignmentId}`);
    await waitForHydration(clientPage);

    for (const [index, question] of PHQ9_QUESTIONS.entries()) {
      const label = FREQUENCY_LABELS[PHQ9_ANSWERS[index] ?? 0] ?? "";
      await clientPage.getByRole("group", { name: question }).getByRole("radio", { name: label, exact: true }).check();
    }
    // The difficulty question shows once any problem was reported.
    await clientPage.getByRole("radio", { name: DIFFICULTY_ANSWER, exact: true }).check();

    await clientPage.getByRole("button", { name: nl("fill.submit"), exact: true }).click();
    await clientPage.waitForURL((url) => url.pathname === `/forms/${assignmentId}` && url.search === "?submitted=1");
    await expect(
      clientPage
        .getByRole("status")
        .filter({ hasText: nl("fill.submitted_title") })
        .isVisible(),
    ).resolves.toBe(true);
  });

  step("shows staff the answers, the score and the band", async () => {
    await staffPage.goto(`${origin}${clientPath()}`);
    const row = assignmentRow(staffPage);
    await expect(readText(row.locator(".assignment-row__status"))).resolves.toMatch(/^Ingevuld op .+/);
    await expect(readText(row.locator(".assignment-row__score"))).resolves.toBe(`PHQ-9: ${PHQ9_TOTAL} (matig)`);
    await expect(readText(documentRow(staffPage).locator(".document-row__activity"))).resolves.toMatch(
      /^Voor het eerst bekeken op .+/,
    );

    await row.getByRole("link", { name: `${nl("console.questionnaires.read_answers")} ${PHQ9_TITLE}` }).click();
    await staffPage.waitForURL(`${origin}${clientPath()}/questionnaires/${assignmentId}`);
    await expect(readText(staffPage.getByRole("heading", { level: 1 }))).resolves.toBe(PHQ9_TITLE);
    await expect(readText(staffPage.locator(".answers-score"))).resolves.toBe(`Score: PHQ-9: ${PHQ9_TOTAL} (matig)`);

    const expectedAnswers = [...PHQ9_ANSWERS.map((position) => FREQUENCY_LABELS[position] ?? ""), DIFFICULTY_ANSWER];
    await expect(staffPage.getByRole("definition").allTextContents()).resolves.toEqual(expectedAnswers);

    // axe-core needs a context that ignores the page's Content-Security-Policy, so it gets its own.
    const axeContext = await newContext(browser, {
      bypassCSP: true,
      storageState: await staffStorageState(browser, STAFF.eva),
    });
    const axePage = await axeContext.newPage();
    await axePage.goto(staffPage.url());
    const violations = await findAxeViolations(axePage);
    expect(violations, describeViolations(violations)).toEqual([]);
    await axeContext.close();
  });

  step("downloads the answers as a FHIR QuestionnaireResponse", async () => {
    const [download] = await Promise.all([
      staffPage.waitForEvent("download"),
      staffPage.getByRole("link", { name: nl("console.questionnaires.download_fhir") }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^QuestionnaireResponse-.+\.json$/);

    const resource = JSON.parse(await readFile(await download.path(), "utf8"));
    expect(resource.resourceType).toBe("QuestionnaireResponse");
    expect(resource.status).toBe("completed");
    expect(String(resource.questionnaire)).toContain("phq-9");
  });

  check("shows each step in the client's audit log", async () => {
    const rows = await openClientAuditLog();
    const steps = [
      { who: eva, action: "client.created", about: CLIENT.fullName },
      { who: eva, action: "portal_access.granted", about: CLIENT.fullName },
      { who: eva, action: "document.uploaded", about: FILE_NAME },
      { who: eva, action: "document.shared", about: FILE_NAME },
      { who: eva, action: "questionnaire.assigned", about: PHQ9_TITLE },
      { who: client, action: "document.viewed", about: FILE_NAME },
      { who: client, action: "questionnaire.submitted", about: PHQ9_TITLE },
    ];
    expectStepsInOrder(rows, steps);

    // A change happens once, so it is logged once.
    for (const change of steps.filter(({ action }) => action !== "document.viewed")) {
      expect(rows.filter((row) => row.what === actionLabel(change.action)).length, change.action).toBe(1);
    }

    // Every row is by the client or about her or one of her records.
    for (const row of rows) {
      const aboutHer = [CLIENT.fullName, FILE_NAME, PHQ9_TITLE].some((name) => row.record.includes(name));
      expect(row.who === client || aboutHer, JSON.stringify(row)).toBe(true);
    }
  });

  check("shows staff reading the answers in the client's audit log", async () => {
    const rows = await openClientAuditLog();
    expectStepsInOrder(rows, [
      { who: client, action: "questionnaire.submitted", about: PHQ9_TITLE },
      { who: eva, action: "questionnaire.response_viewed", about: PHQ9_TITLE },
      { who: eva, action: "questionnaire.response_exported", about: PHQ9_TITLE },
    ]);
  });

  check("names the questionnaire of read answers in the audit log", async () => {
    await staffPage.goto(`${origin}/practice/audit`);
    await staffPage
      .getByLabel(nl("console.audit.filter.action"), { exact: true })
      .selectOption({ label: actionLabel("questionnaire.response_viewed") });
    await staffPage.getByRole("button", { name: nl("console.audit.filter.submit") }).click();
    await staffPage.waitForURL((url) => url.searchParams.get("action") === "questionnaire.response_viewed");

    const [newest] = await readAuditLog(staffPage);
    expect(newest?.who).toBe(eva);
    expect(newest?.record).toContain(PHQ9_TITLE);
  });

  it("logs no console errors in either browser", () => {
    expect(staffErrors).toEqual([]);
    expect(clientErrors).toEqual([]);
  });
});
