import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type MessageKey, type MessageParams, translate } from "../../src/lib/i18n/translate";
import { collectPageErrors, launchChromium } from "./support/browser";
import { practiceDate, readText } from "./support/console-data";
import { newStaffContext, openConsolePage, STAFF } from "./support/console-session";
import { executeSql } from "./support/database";
import { waitForHydration } from "./support/hydration";
import { dutchCalendarDate, sqlString } from "./support/portal-data";
import { addClientsSql } from "./support/questionnaire-data";

// The client page of the console without a mouse: Eva shares a document and assigns a
// questionnaire with Tab, Enter, Space and the arrow keys, and every focused control shows its
// focus ring.

/** A client of this file only, with one uploaded document that is not shared yet. */
const CLIENT = {
  id: "cli_e2e_console_keys",
  email: "keyboard.client@example.nl",
  firstName: "Siënna",
  lastName: "Ødegård",
} as const;
const DOCUMENT = { id: "doc_e2e_console_keys", fileName: "Verslag intake – Siënna.pdf" } as const;
const PHQ9_TITLE = "Patiëntvragenlijst over de gezondheid (PHQ-9)";
const CLIENT_PAGE = `/practice/clients/${CLIENT.id}`;

/** Presses of Tab allowed before a control counts as unreachable. */
const MAX_TAB_PRESSES = 80;

let browser: Browser;

/** Returns a text of the Dutch dictionary, as the console shows it to Eva. */
function nl(key: MessageKey, params?: MessageParams): string {
  return translate("nl", key, params);
}

beforeAll(async () => {
  browser = await launchChromium();

  // The row as an upload leaves it. The file is never opened, so R2 stores no bytes for it.
  const now = Date.now();
  await executeSql(
    `${addClientsSql([CLIENT])};
     INSERT INTO documents (id, practice_id, client_id, storage_key, file_name, content_type, kind, size_bytes, sha256,
       uploaded_by, uploaded_at)
     VALUES (${sqlString(DOCUMENT.id)}, 'prac_demo', ${sqlString(CLIENT.id)}, 'documents/${DOCUMENT.id}',
       ${sqlString(DOCUMENT.fileName)}, 'application/pdf', 'pdf', 1234, '${"0".repeat(64)}', 'stf_eva', ${now})
     ON CONFLICT DO NOTHING`,
  );
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Returns the first date from tomorrow in the practice's time zone whose day equals its month,
 * such as 12 December. Headless Chromium orders the segments of a date field by its own language
 * (month first), not by the context's Dutch locale, and such a date reads the same in either order.
 */
function dateWithDayEqualToMonth(): string {
  for (let offset = 1; offset <= 366; offset += 1) {
    const date = practiceDate(offset);
    const [, month, day] = date.split("-");
    if (month === day) return date;
  }
  throw new Error("no date within a year has its day equal to its month");
}

/** What the test reads about the focused element. */
interface Focus {
  tag: string;
  id: string;
  text: string;
  /** Whether the browser decided to show the focus (`:focus-visible`). */
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
}

function readFocus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement)) {
      return { tag: "", id: "", text: "", focusVisible: false, outlineStyle: "none", outlineWidth: 0 };
    }
    const style = getComputedStyle(active);
    return {
      tag: active.tagName.toLowerCase(),
      id: active.id,
      text: (active.textContent ?? "").replace(/\s+/g, " ").trim(),
      focusVisible: active.matches(":focus-visible"),
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
    };
  });
}

/** Returns the text of the chosen option of a select, or "" when none is chosen. */
function selectedOptionText(select: Locator): Promise<string> {
  return select.evaluate((element) =>
    element instanceof HTMLSelectElement ? (element.selectedOptions[0]?.text ?? "") : "",
  );
}

/** Presses Tab until `matches` accepts the focused element, and returns it. */
async function tabTo(page: Page, description: string, matches: (focus: Focus) => boolean): Promise<Focus> {
  for (let presses = 0; presses < MAX_TAB_PRESSES; presses += 1) {
    await page.keyboard.press("Tab");
    const focus = await readFocus(page);
    if (matches(focus)) return focus;
  }
  throw new Error(`${MAX_TAB_PRESSES} presses of Tab did not reach ${description}`);
}

/** Checks that the focused element shows a visible focus ring. */
function expectVisibleFocus(focus: Focus, description: string) {
  expect(focus.focusVisible, `${description} matches :focus-visible`).toBe(true);
  expect(focus.outlineStyle, `outline style of ${description}`).not.toBe("none");
  expect(focus.outlineWidth, `outline width of ${description}`).toBeGreaterThanOrEqual(2);
}

describe("console client page by keyboard", () => {
  it("shares a document and assigns a questionnaire", async () => {
    const context = await newStaffContext(browser, STAFF.eva);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openConsolePage(page, CLIENT_PAGE);
    await waitForHydration(page);

    const shareLabel = `${nl("console.documents.share")} ${DOCUMENT.fileName}`;
    const shareButton = await tabTo(
      page,
      "the share button",
      (focus) => focus.tag === "button" && focus.text === shareLabel,
    );
    expectVisibleFocus(shareButton, "the share button");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("document_notice") === "share");

    const row = page.locator(`tr[data-document-id="${DOCUMENT.id}"]`);
    await expect(readText(row.locator(".document-row__sharing"))).resolves.toMatch(
      new RegExp(`^Gedeeld op .+ door ${STAFF.eva.name}$`),
    );

    // The page loaded anew, so Tab starts from the top again.
    const select = await tabTo(page, "the questionnaire field", (focus) => focus.id === "assign-questionnaire");
    expectVisibleFocus(select, "the questionnaire field");
    // Arrow keys change the choice of a closed select in Chromium on Linux without opening it.
    const questionnaireField = page.locator("#assign-questionnaire");
    const optionCount = await questionnaireField.locator("option").count();
    for (let presses = 0; presses < optionCount; presses += 1) {
      if ((await selectedOptionText(questionnaireField)).startsWith(PHQ9_TITLE)) break;
      await page.keyboard.press("ArrowDown");
    }
    await expect(selectedOptionText(questionnaireField)).resolves.toContain(PHQ9_TITLE);
    await expect(readFocus(page).then((focus) => focus.id)).resolves.toBe("assign-questionnaire");

    const dueDate = dateWithDayEqualToMonth();
    const [year, month, day] = dueDate.split("-");
    const dateField = await tabTo(page, "the due date field", (focus) => focus.id === "assign-due-date");
    expectVisibleFocus(dateField, "the due date field");
    await page.keyboard.type(`${day}${month}${year}`);
    await expect(page.locator("#assign-due-date").inputValue()).resolves.toBe(dueDate);

    const submit = await tabTo(
      page,
      "the assign button",
      (focus) => focus.tag === "button" && focus.text === nl("console.questionnaires.assign.submit"),
    );
    expectVisibleFocus(submit, "the assign button");
    await page.keyboard.press("Space");
    await page.waitForURL((url) => url.searchParams.get("questionnaire_notice") === "assigned");

    const assignment = page.getByRole("row").filter({ hasText: PHQ9_TITLE });
    await expect(assignment.count()).resolves.toBe(1);
    await expect(readText(assignment.locator("td").first())).resolves.toBe(dutchCalendarDate(dueDate));

    expect(errors).toEqual([]);
    await context.close();
  });
});
