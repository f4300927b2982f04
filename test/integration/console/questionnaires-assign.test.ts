import { describe, expect, it } from "vitest";

import {
  importQuestionnaire,
  listQuestions,
  PHQ9_NL,
  PHQ9_URL,
  validateQuestionnaireResponse,
} from "../../../src/lib/questionnaires";
import { calendarDateIn } from "../../../src/lib/time/calendar";
import type { TestBrowser } from "../support/browser";
import { countRows, execute, rows } from "../support/database";
import { createAssignment, createQuestionnaireVersion } from "../support/fixtures";
import { signInWithLink } from "../support/sign-in";
import { auditActions, staffScenario } from "./content-helpers";

const PRACTITIONER = ["clients.read", "clients.read.all", "forms.assign", "forms.read_answers"] as const;
const TIME_ZONE = "Europe/Amsterdam";

/** Returns the calendar date `days` after today in the practice's time zone. */
function practiceDate(days: number): string {
  const today = calendarDateIn(new Date(), TIME_ZONE);
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Opens the assign page, which adds the built-in questionnaires, and returns the PHQ-9 row ids by language. */
async function phq9Rows(browser: TestBrowser, clientId: string, practiceId: string) {
  const page = await browser.get(`/practice/clients/${clientId}/questionnaires/assign`);
  expect(page.status).toBe(200);
  const found = await rows<{ id: string; language: string }>(
    "SELECT id, language FROM questionnaires WHERE practice_id = ? AND canonical_url = ?",
    practiceId,
    PHQ9_URL,
  );
  return Object.fromEntries(found.map((row) => [row.language, row.id])) as { nl: string; en: string };
}

function assign(browser: TestBrowser, clientId: string, questionnaire: string, dueDate = "") {
  return browser.post(`/practice/clients/${clientId}/questionnaires/assign`, {
    questionnaire,
    due_date: dueDate,
    return_to: `/practice/clients/${clientId}`,
  });
}

async function assignmentsOf(clientId: string) {
  return rows<{ id: string; status: string; due_date: string | null; language: string; withdrawn_at: number | null }>(
    `SELECT a.id, a.status, a.due_date, a.withdrawn_at, v.language FROM assignments a
      JOIN questionnaire_versions v ON v.id = a.questionnaire_version_id WHERE a.client_id = ? ORDER BY a.assigned_at`,
    clientId,
  );
}

/** PHQ-9 answers worth 12 points (moderate): the frequency options by score per question. */
function phq9Answers() {
  const parsed = importQuestionnaire(PHQ9_NL);
  if (!parsed.ok) throw new Error("PHQ-9 should import");
  const scores = [1, 2, 1, 2, 1, 2, 1, 1, 1];
  const answers: Record<string, unknown[]> = {};
  for (const question of listQuestions(parsed.questionnaire)) {
    const match = /^phq9-(\d)$/.exec(question.linkId);
    const index = match ? scores[Number(match[1]) - 1] : 0;
    answers[question.linkId] = [question.options[index ?? 0]?.value];
  }
  return { questionnaire: parsed.questionnaire, answers };
}

describe("assigning questionnaires", () => {
  it("assigns with a due date and the client sees it on /forms", async () => {
    const { practice, client, staff, browser } = await staffScenario(PRACTITIONER);
    const phq9 = await phq9Rows(browser, client.id, practice.id);
    const tomorrow = practiceDate(1);

    const response = await assign(browser, client.id, phq9.nl, tomorrow);
    const [assignment] = await assignmentsOf(client.id);
    const portal = await signInWithLink(practice.host, client.email);
    const forms = await (await portal.get("/forms")).text();

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/practice/clients/${client.id}?questionnaire_notice=assigned#questionnaires`,
    );
    expect(assignment).toMatchObject({ status: "pending", due_date: tomorrow, language: "nl" });
    expect(forms).toContain("Patiëntvragenlijst over de gezondheid (PHQ-9)");
    expect(await auditActions(assignment?.id ?? "")).toEqual(["questionnaire.assigned"]);
    const [audit] = await rows<{ actor_id: string; detail: string }>(
      "SELECT actor_id, detail FROM audit_events WHERE target_id = ?",
      assignment?.id,
    );
    expect(audit?.actor_id).toBe(staff.id);
    expect(JSON.parse(audit?.detail ?? "{}")).toMatchObject({ client_id: client.id });
  });

  it("assigns without a due date", async () => {
    const { practice, client, browser } = await staffScenario(PRACTITIONER);
    const phq9 = await phq9Rows(browser, client.id, practice.id);

    await assign(browser, client.id, phq9.nl);

    expect((await assignmentsOf(client.id))[0]?.due_date).toBeNull();
  });

  it("gives the version in the client's language", async () => {
    const { practice, client, browser } = await staffScenario(PRACTITIONER, { locale: "en" });
    const phq9 = await phq9Rows(browser, client.id, practice.id);

    await assign(browser, client.id, phq9.nl);

    expect((await assignmentsOf(client.id))[0]?.language).toBe("en");
  });

  it("keeps the chosen language when the client's is not active", async () => {
    const { practice, client, browser } = await staffScenario(PRACTITIONER, { locale: "en" });
    const phq9 = await phq9Rows(browser, client.id, practice.id);
    await execute("UPDATE questionnaires SET status = 'retired' WHERE id = ?", phq9.en);

    await assign(browser, client.id, phq9.nl);

    expect((await assignmentsOf(client.id))[0]?.language).toBe("nl");
  });

  it("shows errors beside the fields and keeps the values", async () => {
    const { practice, client, browser } = await staffScenario(PRACTITIONER);
    await phq9Rows(browser, client.id, practice.id);
    const yesterday = practiceDate(-1);

    const response = await assign(browser, client.id, "", yesterday);
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(html).toMatch(/id="assign-questionnaire"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="assign-due-date"[^>]*aria-invalid="true"/);
    expect(html).toContain("Kies een vragenlijst.");
    expect(html).toContain("De uiterste datum ligt in het verleden.");
    expect(html).toContain(`value="${yesterday}"`);
    expect(html).toContain(`min="${practiceDate(0)}"`);
    expect(await countRows("assignments", "client_id = ?", client.id)).toBe(0);
  });

  it("rejects a questionnaire that is not active", async () => {
    const { practice, client, browser } = await staffScenario(PRACTITIONER);
    const phq9 = await phq9Rows(browser, client.id, practice.id);
    await execute("UPDATE questionnaires SET status = 'draft' WHERE id = ?", phq9.nl);

    const response = await assign(browser, client.id, phq9.nl, "2026-02-30");
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(html).toContain("niet meer actief");
    expect(html).toContain("geldige datum");
    expect(await countRows("assignments", "client_id = ?", client.id)).toBe(0);
  });
});

describe("withdrawing questionnaires", () => {
  it("removes a pending questionnaire from the client's portal", async () => {
    const { practice, client, browser } = await staffScenario(PRACTITIONER);
    const phq9 = await phq9Rows(browser, client.id, practice.id);
    await assign(browser, client.id, phq9.nl, practiceDate(3));
    const [assignment] = await assignmentsOf(client.id);
    const portal = await signInWithLink(practice.host, client.email);
    const before = await (await portal.get("/forms")).text();

    const response = await browser.post(`/practice/clients/${client.id}/questionnaires/${assignment?.id}/withdraw`, {
      return_to: `/practice/clients/${client.id}/questionnaires`,
    });
    const after = await (await portal.get("/forms")).text();
    const fillPage = await portal.get(`/forms/${assignment?.id}`);

    expect(before).toContain("PHQ-9");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/practice/clients/${client.id}/questionnaires?questionnaire_notice=withdrawn#questionnaires`,
    );
    expect(after).not.toContain("PHQ-9");
    expect(fillPage.status).toBe(404);
    const [withdrawn] = await assignmentsOf(client.id);
    expect(withdrawn?.status).toBe("withdrawn");
    expect(withdrawn?.withdrawn_at).not.toBeNull();
    expect(await auditActions(assignment?.id ?? "")).toEqual(["questionnaire.assigned", "questionnaire.withdrawn"]);
  });

  it("leaves a completed questionnaire as it is", async () => {
    const { practice, client, browser } = await staffScenario(PRACTITIONER);
    const version = await createQuestionnaireVersion(practice.id);
    const assignment = await createAssignment(practice.id, client.id, version.id, {
      status: "completed",
      completedAt: new Date(),
    });

    const response = await browser.post(`/practice/clients/${client.id}/questionnaires/${assignment.id}/withdraw`);

    expect(response.headers.get("location")).toContain("questionnaire_notice=not_pending");
    expect((await assignmentsOf(client.id))[0]?.status).toBe("completed");
    expect(await auditActions(assignment.id)).toEqual([]);
  });
});

describe("reading answers", () => {
  async function submittedPhq9() {
    const scenario = await staffScenario(PRACTITIONER);
    const { practice, client, browser } = scenario;
    const phq9 = await phq9Rows(browser, client.id, practice.id);
    await assign(browser, client.id, phq9.nl);
    const [assignment] = await assignmentsOf(client.id);
    const { questionnaire, answers } = phq9Answers();
    const portal = await signInWithLink(practice.host, client.email);
    const submitted = await portal.request("POST", `/api/forms/${assignment?.id}/submit`, {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers }),
    });
    expect(submitted.status).toBe(200);
    return { ...scenario, assignmentId: assignment?.id ?? "", questionnaire };
  }

  it("shows the answers with the score and band", async () => {
    const { client, staff, browser, assignmentId } = await submittedPhq9();

    const response = await browser.get(`/practice/clients/${client.id}/questionnaires/${assignmentId}`);
    const html = await response.text();
    const section = await (await browser.get(`/practice/clients/${client.id}/questionnaires`)).text();

    expect(response.status).toBe(200);
    expect(html).toContain("PHQ-9: 12 (matig)");
    expect(html).toContain("Weinig interesse of plezier in het doen van dingen");
    expect(html).toContain("Meerdere dagen");
    expect(html).toContain("Meer dan de helft van de dagen");
    expect(section).toContain("PHQ-9: 12 (matig)");
    expect(section).toContain("Ingevuld op");
    const viewed = await rows<{ actor_id: string; target_type: string }>(
      "SELECT actor_id, target_type FROM audit_events WHERE action = 'questionnaire.response_viewed' AND target_id = ?",
      assignmentId,
    );
    expect(viewed).toEqual([{ actor_id: staff.id, target_type: "assignment" }]);
  });

  it("shows the band in English for English staff", async () => {
    const { client, browser, assignmentId } = await submittedPhq9();

    const html = await (
      await browser.get(`/practice/clients/${client.id}/questionnaires/${assignmentId}?lang=en`)
    ).text();

    expect(html).toContain("PHQ-9: 12 (moderate)");
  });

  it("downloads a valid FHIR QuestionnaireResponse", async () => {
    const { client, browser, assignmentId, questionnaire } = await submittedPhq9();

    const response = await browser.get(`/practice/clients/${client.id}/questionnaires/${assignmentId}/response.json`);
    const resource: unknown = await response.json();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/fhir+json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="QuestionnaireResponse-/);
    expect(validateQuestionnaireResponse(questionnaire, resource)).toEqual({ ok: true, issues: [] });
    expect(resource).toMatchObject({ resourceType: "QuestionnaireResponse", status: "completed" });
    expect(
      await countRows(
        "audit_events",
        "action = 'questionnaire.response_exported' AND target_type = 'assignment' AND target_id = ?",
        assignmentId,
      ),
    ).toBe(1);
  });

  it("answers 404 for a questionnaire that is not completed", async () => {
    const { practice, client, browser } = await staffScenario(PRACTITIONER);
    const version = await createQuestionnaireVersion(practice.id);
    const assignment = await createAssignment(practice.id, client.id, version.id);

    const page = await browser.get(`/practice/clients/${client.id}/questionnaires/${assignment.id}`);
    const json = await browser.get(`/practice/clients/${client.id}/questionnaires/${assignment.id}/response.json`);

    expect(page.status).toBe(404);
    expect(json.status).toBe(404);
  });
});
