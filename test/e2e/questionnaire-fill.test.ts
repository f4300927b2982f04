import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  type AnswerSet,
  isQuestion,
  type QuestionItem,
  type Questionnaire,
  validateQuestionnaireResponse,
} from "../../src/lib/questionnaires";
import { collectPageErrors, launchChromium } from "./support/browser";
import { executeSql } from "./support/database";
import { waitForHydration } from "./support/hydration";
import {
  addClientsSql,
  assignSql,
  importOrThrow,
  readQuestionnaireFixture,
  readResponses,
  readVersions,
  storeVersionsSql,
  type VersionRow,
  versionIdOf,
} from "./support/questionnaire-data";
import { fillQuestionnaire, hasConditions } from "./support/questionnaire-filler";
import { FORM_CLIENT } from "./support/seed";
import { newSignedInContext, openPortalPage } from "./support/session";

let browser: Browser;

/** Public questionnaires from test/fixtures/questionnaires (see SOURCES.md there), stored unchanged. */
const PUBLIC_QUESTIONNAIRES = [
  { questionnaireId: "qst_e2e_lhc_enablewhen", file: "lhc-forms-test-enablewhen.json" },
  { questionnaireId: "qst_e2e_lhc_xhtml", file: "lhc-forms-q-with-invalid-xhtml.json" },
  { questionnaireId: "qst_e2e_android_skip_logic", file: "android-fhir-behavior-skip-logic.json" },
  { questionnaireId: "qst_e2e_compass_who5", file: "num-compass-who5-wellbeing.json" },
  { questionnaireId: "qst_e2e_researchkit_skip_logic", file: "researchkit-on-fhir-skip-logic.json" },
].map((entry) => ({ ...entry, resourceJson: readQuestionnaireFixture(entry.file) }));

/** Versions of the demo seed: the practice's own intake questionnaire and the built-in Dutch PHQ-9. */
const KENNISMAKING_VERSION = "qst_demo_kennismaking_v1";
const PHQ9_NL_VERSION = "qst_demo_phq9_nl_v1";

/** One assignment to Mila per questionnaire that the fill-in test walks through. */
const FILL_CASES = [
  ...PUBLIC_QUESTIONNAIRES.map(({ questionnaireId, file }) => ({
    name: file,
    assignmentId: questionnaireId.replace("qst_", "asg_"),
    versionId: versionIdOf(questionnaireId),
  })),
  { name: "Kennismakingsvragenlijst (seed)", assignmentId: "asg_e2e_kennismaking", versionId: KENNISMAKING_VERSION },
  { name: "PHQ-9 in Dutch (seed)", assignmentId: "asg_e2e_phq9_filler", versionId: PHQ9_NL_VERSION },
];

const KEYBOARD_ASSIGNMENT = "asg_e2e_phq9_keyboard";

/** Questionnaire versions by id, as D1 stores them. */
let versions: Map<string, VersionRow>;

beforeAll(async () => {
  browser = await launchChromium();

  const assignments = [
    ...FILL_CASES.map(({ assignmentId, versionId }) => ({ id: assignmentId, clientId: FORM_CLIENT.id, versionId })),
    { id: KEYBOARD_ASSIGNMENT, clientId: FORM_CLIENT.id, versionId: PHQ9_NL_VERSION },
  ];
  await executeSql(
    [addClientsSql([FORM_CLIENT]), storeVersionsSql(PUBLIC_QUESTIONNAIRES), assignSql(assignments)].join(";\n"),
  );
  versions = await readVersions([...new Set(FILL_CASES.map((entry) => entry.versionId))]);
});

afterAll(async () => {
  await browser?.close();
});

function readVersion(versionId: string): { title: string; questionnaire: Questionnaire } {
  const version = versions.get(versionId);
  if (!version) throw new Error(`questionnaire version ${versionId} is missing from the e2e database`);
  return { title: version.title, questionnaire: importOrThrow(version.resourceJson) };
}

/** Opens a fill-in page of Mila's in a fresh context and waits until the form works. */
async function openForm(assignmentId: string): Promise<{ page: Page; errors: string[] }> {
  const context = await newSignedInContext(browser, FORM_CLIENT);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await openPortalPage(page, `/forms/${assignmentId}`);
  await waitForHydration(page);
  return { page, errors };
}

/** Waits for the page that follows a successful submission: the confirmation and the read-only answers. */
async function expectSubmittedPage(page: Page, assignmentId: string) {
  await page.waitForURL((url) => url.pathname === `/forms/${assignmentId}` && url.search === "?submitted=1");
  const confirmation = page.getByRole("status").filter({ hasText: "Dank je wel, je antwoorden zijn verstuurd" });
  await expect(confirmation.isVisible()).resolves.toBe(true);
  await expect(page.locator(`form[action="/forms/${assignmentId}"]`).count()).resolves.toBe(0);
  await expect(page.locator("main input, main textarea, main select").count()).resolves.toBe(0);
}

/** Returns the text answers of an answer set, the values a person typed. */
function typedTexts(answers: AnswerSet): string[] {
  return Object.values(answers)
    .flat()
    .flatMap((answer) => (answer.type === "string" ? [answer.value] : []));
}

describe("filling in questionnaires", () => {
  it.each(FILL_CASES)("stores a valid response for $name", async ({ assignmentId, versionId }) => {
    const { title, questionnaire } = readVersion(versionId);
    const { page, errors } = await openForm(assignmentId);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(title);

    // Markup from rendering-xhtml, such as a link to another site, must never reach the page.
    await expect(page.locator('main a[href^="http"]').count()).resolves.toBe(0);

    const { answers, appeared } = await fillQuestionnaire(page, questionnaire, "nl");
    if (hasConditions(questionnaire)) expect(appeared, "no answer showed an item with enableWhen").not.toEqual([]);
    expect(Object.keys(answers)).not.toEqual([]);

    await page.getByRole("button", { name: "Versturen", exact: true }).click();
    await expectSubmittedPage(page, assignmentId);
    const shownText = await page.getByRole("main").textContent();
    for (const text of typedTexts(answers)) expect(shownText).toContain(text);

    const responses = await readResponses(assignmentId);
    expect(responses).toHaveLength(1);
    const [response] = responses;
    expect(JSON.parse(response?.answersJson ?? "null")).toEqual(answers);
    const check = validateQuestionnaireResponse(questionnaire, JSON.parse(response?.resourceJson ?? "null"));
    expect(check.issues).toEqual([]);
    expect(check.ok).toBe(true);

    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** Presses Tab until the focused element matches, and fails after `limit` presses. */
async function tabTo(page: Page, description: string, matches: (page: Page) => Promise<boolean>, limit = 40) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await matches(page)) return;
  }
  throw new Error(`${limit} presses of Tab did not reach ${description}`);
}

/** Returns the form field name and the label text of the focused element. */
function readFocus(page: Page): Promise<{ name: string; label: string; checked: boolean }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLInputElement || active instanceof HTMLButtonElement)) {
      return { name: "", label: active?.textContent?.trim() ?? "", checked: false };
    }
    const label = active instanceof HTMLInputElement ? active.labels?.[0]?.textContent : active.textContent;
    const checked = active instanceof HTMLInputElement && active.checked;
    return { name: active.name, label: label?.trim() ?? "", checked };
  });
}

describe("filling in by keyboard", () => {
  it("submits the Dutch PHQ-9 without a mouse", async () => {
    const { questionnaire } = readVersion(PHQ9_NL_VERSION);
    const questions = questionnaire.items.flatMap((item) => item.items).filter(isQuestion);
    const difficulty = questionnaire.items.find((item) => item.linkId === "phq9-difficulty");
    if (!difficulty || !isQuestion(difficulty)) throw new Error("the seeded PHQ-9 lacks its difficulty question");
    // Option positions per question, scored 0 to 3 in that order: a total of 13.
    const chosen = [0, 1, 2, 3, 0, 1, 2, 3, 1];
    const chosenDifficulty = 2;
    const labelsOf = (question: QuestionItem) =>
      question.options.map((option) => (option.value.type === "coding" ? option.value.value.display : ""));

    const { page, errors } = await openForm(KEYBOARD_ASSIGNMENT);
    const answered = [...questions.map((question, index) => ({ question, position: chosen[index] ?? 0 }))];
    answered.push({ question: difficulty, position: chosenDifficulty });

    for (const [index, { question, position }] of answered.entries()) {
      const field = `answer:${question.linkId}`;
      if (index === 0) await tabTo(page, "the first question", async () => (await readFocus(page)).name === field);
      else await page.keyboard.press("Tab");
      await expect(readFocus(page)).resolves.toEqual({ name: field, label: labelsOf(question)[0], checked: false });

      if (position === 0) await page.keyboard.press("Space");
      for (let step = 0; step < position; step += 1) await page.keyboard.press("ArrowDown");
      await expect(readFocus(page)).resolves.toEqual({
        name: field,
        label: labelsOf(question)[position],
        checked: true,
      });
    }

    await page.keyboard.press("Tab");
    await expect(readFocus(page).then((focus) => focus.label)).resolves.toBe("Concept opslaan");
    await page.keyboard.press("Tab");
    await expect(readFocus(page).then((focus) => focus.label)).resolves.toBe("Versturen");
    await page.keyboard.press("Enter");
    await expectSubmittedPage(page, KEYBOARD_ASSIGNMENT);

    const shownAnswers = await page.getByRole("definition").allTextContents();
    expect(shownAnswers).toEqual(answered.map(({ question, position }) => labelsOf(question)[position]));
    const mainText = (await page.getByRole("main").textContent()) ?? "";
    const withoutDate = mainText.replace(/Ingevuld op \d{1,2} \p{L}+ \d{4}/u, "");
    expect(withoutDate).not.toMatch(/score/i);
    expect(withoutDate).not.toMatch(/(?<!\d)13(?!\d)/);

    const [response] = await readResponses(KEYBOARD_ASSIGNMENT);
    expect(response?.scoreInstrument).toBe("phq-9");
    expect(response?.scoreTotal).toBe(13);
    expect(response?.scoreBand).toBe("moderate");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
