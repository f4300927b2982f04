import { describe, expect, it } from "vitest";

import researchKit from "../../fixtures/questionnaires/researchkit-on-fhir-skip-logic.json?raw";
import { countRows, rows } from "../support/database";
import { createAssignment, createClient, createPractice, createQuestionnaireVersion } from "../support/fixtures";
import { staffScenario } from "./content-helpers";

function questionnaireCount(practiceId: string): Promise<number> {
  return countRows("questionnaires", "practice_id = ?", practiceId);
}

function questionnaireAudits(staffId: string): Promise<number> {
  return countRows("audit_events", "actor_id = ? AND action LIKE 'questionnaire.%'", staffId);
}

async function assignmentRow(assignmentId: string) {
  const [row] = await rows("SELECT * FROM assignments WHERE id = ?", assignmentId);
  return row;
}

describe("questionnaire library permissions", () => {
  it("rejects every library page and action without forms.manage", async () => {
    const { practice, staff, browser } = await staffScenario(["clients.read", "clients.read.all", "forms.assign"]);
    const version = await createQuestionnaireVersion(practice.id);
    const before = await questionnaireCount(practice.id);

    const responses = [
      await browser.get("/practice/questionnaires"),
      await browser.get("/practice/questionnaires/import"),
      await browser.post("/practice/questionnaires/import", { json: researchKit, language: "en" }),
      await browser.get(`/practice/questionnaires/${version.questionnaireId}`),
      await browser.post(`/practice/questionnaires/${version.questionnaireId}/status`, { status: "retired" }),
    ];

    expect(responses.map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await questionnaireCount(practice.id)).toBe(before);
    const [row] = await rows<{ status: string }>(
      "SELECT status FROM questionnaires WHERE id = ?",
      version.questionnaireId,
    );
    expect(row?.status).toBe("active");
    expect(await questionnaireAudits(staff.id)).toBe(0);
  });

  it("answers 404 for another practice's questionnaire and changes nothing", async () => {
    const { browser } = await staffScenario(["forms.manage"]);
    const other = await createPractice();
    const version = await createQuestionnaireVersion(other.id);

    const page = await browser.get(`/practice/questionnaires/${version.questionnaireId}`);
    const status = await browser.post(`/practice/questionnaires/${version.questionnaireId}/status`, {
      status: "retired",
    });

    expect(page.status).toBe(404);
    expect(status.status).toBe(404);
    const [row] = await rows<{ status: string }>(
      "SELECT status FROM questionnaires WHERE id = ?",
      version.questionnaireId,
    );
    expect(row?.status).toBe("active");
  });
});

describe("client questionnaire permissions", () => {
  it("rejects assigning and withdrawing without forms.assign", async () => {
    const { practice, client, staff, browser } = await staffScenario([
      "clients.read",
      "clients.read.all",
      "forms.read_answers",
    ]);
    const version = await createQuestionnaireVersion(practice.id);
    const assignment = await createAssignment(practice.id, client.id, version.id);
    const before = await assignmentRow(assignment.id);
    const base = `/practice/clients/${client.id}/questionnaires`;

    const responses = [
      await browser.get(`${base}/assign`),
      await browser.post(`${base}/assign`, { questionnaire: version.questionnaireId, due_date: "" }),
      await browser.post(`${base}/${assignment.id}/withdraw`),
    ];
    const section = await (await browser.get(base)).text();

    expect(responses.map((response) => response.status)).toEqual([403, 403, 403]);
    expect(await countRows("assignments", "client_id = ?", client.id)).toBe(1);
    expect(await assignmentRow(assignment.id)).toEqual(before);
    expect(section).not.toContain(`${assignment.id}/withdraw`);
    expect(section).not.toContain('name="due_date"');
    expect(await questionnaireAudits(staff.id)).toBe(0);
  });

  it("rejects the questionnaires page without clients.read", async () => {
    const { client, browser } = await staffScenario(["forms.assign", "forms.read_answers"]);

    const response = await browser.get(`/practice/clients/${client.id}/questionnaires`);

    expect(response.status).toBe(403);
  });

  it("rejects answers and their export without forms.read_answers", async () => {
    const { practice, client, staff, browser } = await staffScenario([
      "clients.read",
      "clients.read.all",
      "forms.assign",
    ]);
    const version = await createQuestionnaireVersion(practice.id);
    const assignment = await createAssignment(practice.id, client.id, version.id, {
      status: "completed",
      completedAt: new Date(),
    });
    const base = `/practice/clients/${client.id}/questionnaires/${assignment.id}`;

    const page = await browser.get(base);
    const json = await browser.get(`${base}/response.json`);

    expect(page.status).toBe(403);
    expect(json.status).toBe(403);
    expect(await questionnaireAudits(staff.id)).toBe(0);
  });

  it("answers 404 for another practice's client or assignment and changes nothing", async () => {
    const { practice, client, staff, browser } = await staffScenario([
      "clients.read",
      "clients.read.all",
      "forms.assign",
      "forms.read_answers",
    ]);
    const other = await createPractice();
    const otherClient = await createClient(other.id);
    const otherVersion = await createQuestionnaireVersion(other.id);
    const otherAssignment = await createAssignment(other.id, otherClient.id, otherVersion.id);
    const before = await assignmentRow(otherAssignment.id);
    const ownVersion = await createQuestionnaireVersion(practice.id);

    const responses = [
      await browser.get(`/practice/clients/${otherClient.id}/questionnaires`),
      await browser.get(`/practice/clients/${otherClient.id}/questionnaires/assign`),
      await browser.post(`/practice/clients/${otherClient.id}/questionnaires/assign`, {
        questionnaire: ownVersion.questionnaireId,
        due_date: "",
      }),
      await browser.post(`/practice/clients/${otherClient.id}/questionnaires/${otherAssignment.id}/withdraw`),
      await browser.post(`/practice/clients/${client.id}/questionnaires/${otherAssignment.id}/withdraw`),
      await browser.get(`/practice/clients/${client.id}/questionnaires/${otherAssignment.id}`),
      await browser.get(`/practice/clients/${client.id}/questionnaires/${otherAssignment.id}/response.json`),
      await browser.get(`/practice/clients/${otherClient.id}/questionnaires/${otherAssignment.id}/response.json`),
    ];

    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect(await assignmentRow(otherAssignment.id)).toEqual(before);
    expect(await countRows("assignments", "client_id = ?", otherClient.id)).toBe(1);
    expect(await questionnaireAudits(staff.id)).toBe(0);
  });

  it("rejects another practice's questionnaire in the assign form", async () => {
    const { client, browser } = await staffScenario(["clients.read", "clients.read.all", "forms.assign"]);
    const other = await createPractice();
    const otherVersion = await createQuestionnaireVersion(other.id);

    const response = await browser.post(`/practice/clients/${client.id}/questionnaires/assign`, {
      questionnaire: otherVersion.questionnaireId,
      due_date: "",
    });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("niet meer actief");
    expect(await countRows("assignments", "client_id = ?", client.id)).toBe(0);
  });
});
