import { describe, expect, it } from "vitest";

import { importQuestionnaire, PHQ9_URL, serializeQuestionnaire } from "../../../src/lib/questionnaires";
import lhcInvalidXhtml from "../../fixtures/questionnaires/lhc-forms-q-with-invalid-xhtml.json?raw";
import researchKit from "../../fixtures/questionnaires/researchkit-on-fhir-skip-logic.json?raw";
import sdcPhq9 from "../../fixtures/questionnaires/sdc-phq9-example.json?raw";
import type { TestBrowser } from "../support/browser";
import { countRows, rows } from "../support/database";
import { createAssignment } from "../support/fixtures";
import { signInWithLink } from "../support/sign-in";
import { auditActions, send, staffScenario } from "./content-helpers";

const MANAGER = ["forms.manage"] as const;

interface QuestionnaireRow {
  id: string;
  canonical_url: string;
  language: string;
  status: string;
  built_in: number;
}

function questionnaireRows(practiceId: string) {
  return rows<QuestionnaireRow>(
    "SELECT id, canonical_url, language, status, built_in FROM questionnaires WHERE practice_id = ? ORDER BY created_at, id",
    practiceId,
  );
}

/** Escapes text the way Astro renders it into HTML. */
function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function importFile(browser: TestBrowser, json: string, fileName: string, language = "nl") {
  const form = new FormData();
  form.set("file", new File([json], fileName, { type: "application/json" }));
  form.set("json", "");
  form.set("language", language);
  return send(browser, "POST", "/practice/questionnaires/import", { body: form });
}

function importPasted(browser: TestBrowser, json: string, language = "nl") {
  return browser.post("/practice/questionnaires/import", { json, language });
}

function importedId(response: Response): string {
  const match = /^\/practice\/questionnaires\/([^?]+)\?notice=imported$/.exec(response.headers.get("location") ?? "");
  if (!match?.[1]) throw new Error(`no questionnaire page in ${response.headers.get("location")}`);
  return match[1];
}

function setStatus(browser: TestBrowser, questionnaireId: string, status: string) {
  return browser.post(`/practice/questionnaires/${questionnaireId}/status`, { status });
}

describe("questionnaire library", () => {
  it("adds PHQ-9 and GAD-7 in both languages on the first visit", async () => {
    const { practice, browser } = await staffScenario(MANAGER);

    const first = await browser.get("/practice/questionnaires");
    const html = await first.text();
    await browser.get("/practice/questionnaires");
    const stored = await questionnaireRows(practice.id);

    expect(first.status).toBe(200);
    expect(stored).toHaveLength(4);
    expect(stored.every((row) => row.built_in === 1 && row.status === "active")).toBe(true);
    expect(stored.map((row) => `${row.canonical_url.split("/").at(-1)} ${row.language}`).sort()).toEqual([
      "gad-7 en",
      "gad-7 nl",
      "phq-9 en",
      "phq-9 nl",
    ]);
    expect(await countRows("questionnaire_versions", "practice_id = ?", practice.id)).toBe(4);
    expect(html).toContain("Patiëntvragenlijst over de gezondheid (PHQ-9)");
    expect(html).toContain("Patient Health Questionnaire (PHQ-9)");
    expect(html).toContain("Ingebouwd");
  });

  it("imports an accepted file as a draft and shows its report", async () => {
    const { practice, staff, browser } = await staffScenario(MANAGER);
    const expected = importQuestionnaire(lhcInvalidXhtml);
    if (!expected.ok) throw new Error("the fixture should import");

    const response = await importFile(browser, lhcInvalidXhtml, "q.json", "en");
    const id = importedId(response);
    const [row] = (await questionnaireRows(practice.id)).filter((candidate) => candidate.id === id);
    const [version] = await rows<{
      version_number: number;
      language: string;
      question_count: number;
      resource_json: string;
    }>(
      "SELECT version_number, language, question_count, resource_json FROM questionnaire_versions WHERE questionnaire_id = ?",
      id,
    );
    const page = await (await browser.get(`/practice/questionnaires/${id}?notice=imported`)).text();

    expect(response.status).toBe(303);
    expect(row?.status).toBe("draft");
    expect(row?.language).toBe("en");
    expect(row?.canonical_url).toMatch(/^urn:uuid:/);
    expect(version?.version_number).toBe(1);
    expect(version?.resource_json).toBe(serializeQuestionnaire(expected.questionnaire));
    expect(page).toContain("als concept geïmporteerd");
    expect(page).toContain("Concept");
    for (const issue of expected.report) {
      expect(page).toContain(issue.path);
      expect(page).toContain(escapeHtml(issue.message));
    }
    expect(page).toContain("Waarschuwing");
    expect(await auditActions(id)).toEqual(["questionnaire.imported"]);
    expect(await countRows("audit_events", "actor_id = ? AND action = 'questionnaire.imported'", staff.id)).toBe(1);
  });

  it("takes the language the questionnaire states over the form's", async () => {
    const { practice, browser } = await staffScenario(MANAGER);

    const response = await importPasted(browser, researchKit, "nl");
    const id = importedId(response);
    const [row] = (await questionnaireRows(practice.id)).filter((candidate) => candidate.id === id);

    expect(row?.language).toBe("en");
    expect(row?.canonical_url).toBe("http://cardinalkit.org/questionnaires/skiplogicexample");
  });

  it("rejects a questionnaire with errors, lists every path and stores nothing", async () => {
    const { practice, browser } = await staffScenario(MANAGER);
    await browser.get("/practice/questionnaires");
    const questionnairesBefore = await countRows("questionnaires", "practice_id = ?", practice.id);
    const versionsBefore = await countRows("questionnaire_versions", "practice_id = ?", practice.id);
    const expected = importQuestionnaire(sdcPhq9);

    const response = await importFile(browser, sdcPhq9, "questionnaire-sdc-profile-example-PHQ9.json");
    const html = await response.text();

    expect(response.status).toBe(422);
    expect(html).toContain("niet geïmporteerd");
    expect(expected.report.filter((issue) => issue.severity === "error")).toHaveLength(10);
    for (const issue of expected.report) {
      expect(html).toContain(`<code>${escapeHtml(issue.path)}</code>`);
      expect(html).toContain(escapeHtml(issue.message));
    }
    expect(html).toContain("Fout");
    expect(html).toContain("http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9");
    expect(await countRows("questionnaires", "practice_id = ?", practice.id)).toBe(questionnairesBefore);
    expect(await countRows("questionnaire_versions", "practice_id = ?", practice.id)).toBe(versionsBefore);
  });

  it("rejects the canonical URL of a built-in questionnaire", async () => {
    const { practice, browser } = await staffScenario(MANAGER);
    await browser.get("/practice/questionnaires");
    const takeover = JSON.stringify({
      resourceType: "Questionnaire",
      url: PHQ9_URL,
      language: "nl",
      status: "active",
      item: [{ linkId: "q", type: "string", text: "Vraag" }],
    });

    const response = await importPasted(browser, takeover);

    expect(response.status).toBe(422);
    expect(await response.text()).toContain("ingebouwde vragenlijst");
    expect(await countRows("questionnaire_versions", "practice_id = ?", practice.id)).toBe(4);
  });

  it("asks for a file or pasted JSON", async () => {
    const { browser } = await staffScenario(MANAGER);

    const response = await importPasted(browser, "   ");

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kies een JSON-bestand of plak de JSON");
  });
});

describe("questionnaire lifecycle", () => {
  it("moves a draft to active and on to retired, and no further", async () => {
    const { practice, browser } = await staffScenario(MANAGER);
    const id = importedId(await importPasted(browser, researchKit));
    const status = async () => (await questionnaireRows(practice.id)).find((row) => row.id === id)?.status;

    const activated = await setStatus(browser, id, "active");
    const afterActivation = await status();
    const retired = await setStatus(browser, id, "retired");
    const afterRetirement = await status();
    const back = await setStatus(browser, id, "active");
    const invalid = await setStatus(browser, id, "archived");

    expect(activated.headers.get("location")).toBe(`/practice/questionnaires/${id}?notice=changed`);
    expect(afterActivation).toBe("active");
    expect(retired.status).toBe(303);
    expect(afterRetirement).toBe("retired");
    expect(back.headers.get("location")).toBe(`/practice/questionnaires/${id}?notice=not_allowed`);
    expect(invalid.status).toBe(400);
    expect(await status()).toBe("retired");
    expect(await auditActions(id)).toEqual([
      "questionnaire.imported",
      "questionnaire.status_changed",
      "questionnaire.status_changed",
    ]);
    const details = await rows<{ detail: string }>(
      "SELECT detail FROM audit_events WHERE target_id = ? AND action = 'questionnaire.status_changed' ORDER BY created_at",
      id,
    );
    expect(details.map((row) => JSON.parse(row.detail))).toEqual([
      { from: "draft", to: "active" },
      { from: "active", to: "retired" },
    ]);
  });

  it("keeps assignments when retired and their version when a new one arrives", async () => {
    const { practice, client, browser } = await staffScenario(MANAGER);
    const id = importedId(await importPasted(browser, researchKit));
    await setStatus(browser, id, "active");
    const [first] = await rows<{ id: string }>("SELECT id FROM questionnaire_versions WHERE questionnaire_id = ?", id);
    const assignment = await createAssignment(practice.id, client.id, first?.id ?? "");

    await setStatus(browser, id, "retired");
    const portal = await signInWithLink(practice.host, client.email);
    const forms = await (await portal.get("/forms")).text();
    const secondImport = await importPasted(
      browser,
      researchKit.replace('"Skip Logic Example"', '"Skip Logic Example 2"'),
    );
    const versions = await rows<{ version_number: number; title: string }>(
      "SELECT version_number, title FROM questionnaire_versions WHERE questionnaire_id = ? ORDER BY version_number",
      id,
    );
    const [assigned] = await rows<{ questionnaire_version_id: string; status: string }>(
      "SELECT questionnaire_version_id, status FROM assignments WHERE id = ?",
      assignment.id,
    );

    expect(forms).toContain("Skip Logic Example");
    expect(importedId(secondImport)).toBe(id);
    expect(versions).toEqual([
      { version_number: 1, title: "Skip Logic Example" },
      { version_number: 2, title: "Skip Logic Example 2" },
    ]);
    expect((await questionnaireRows(practice.id)).find((row) => row.id === id)?.status).toBe("draft");
    expect(assigned).toEqual({ questionnaire_version_id: first?.id, status: "pending" });
  });
});
