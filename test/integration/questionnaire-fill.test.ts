import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

import { questionnaireVersions } from "../../db/schema";
import { getDb } from "../../src/lib/db/client";
import { exportQuestionnaireResponse } from "../../src/lib/forms/export";
import { GAD7_NL, importQuestionnaire, PHQ9_NL, validateQuestionnaireResponse } from "../../src/lib/questionnaires";
import type { TestBrowser } from "./support/browser";
import { countRows, rows } from "./support/database";
import { createAssignment, createClient, createPractice, createQuestionnaireVersion } from "./support/fixtures";
import { signInWithLink } from "./support/sign-in";

const INTAKE = {
  resourceType: "Questionnaire",
  url: "https://veranda.example/fhir/Questionnaire/test-intake",
  status: "active",
  title: "Intake",
  item: [
    { linkId: "reason", type: "text", text: "Waarom kom je?", required: true, maxLength: 50 },
    { linkId: "before", type: "boolean", text: "Eerder hulp gehad?" },
    {
      linkId: "where",
      type: "string",
      text: "Waar?",
      required: true,
      enableWhen: [{ question: "before", operator: "=", answerBoolean: true }],
    },
    {
      linkId: "hours",
      type: "integer",
      text: "Uren slaap?",
      extension: [
        { url: "http://hl7.org/fhir/StructureDefinition/minValue", valueInteger: 0 },
        { url: "http://hl7.org/fhir/StructureDefinition/maxValue", valueInteger: 24 },
      ],
    },
  ],
};

/** Stores `resource` as a questionnaire version, assigns it and returns a signed-in browser. */
async function assigned(resource: object) {
  const practice = await createPractice();
  const client = await createClient(practice.id);
  const version = await createQuestionnaireVersion(practice.id, { title: "Intake" });
  await getDb(env.DB)
    .update(questionnaireVersions)
    .set({ resourceJson: JSON.stringify(resource) })
    .where((await import("drizzle-orm")).eq(questionnaireVersions.id, version.id));
  const assignment = await createAssignment(practice.id, client.id, version.id);
  const browser = await signInWithLink(practice.host, client.email);
  return { practice, client, assignment, browser };
}

function putDraft(browser: TestBrowser, assignmentId: string, body: unknown) {
  return browser.request("PUT", `/api/forms/${assignmentId}/draft`, {
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

function postSubmit(browser: TestBrowser, assignmentId: string, answers: unknown) {
  return browser.request("POST", `/api/forms/${assignmentId}/submit`, {
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ answers }),
  });
}

const VALID = {
  reason: [{ type: "string", value: "Slecht slapen" }],
  before: [{ type: "boolean", value: false }],
  hours: [{ type: "integer", value: 6 }],
};

describe("questionnaire drafts", () => {
  it("saves with growing revisions and restores on reopening", async () => {
    const { assignment, browser } = await assigned(INTAKE);

    const first = await putDraft(browser, assignment.id, { baseRevision: 0, answers: { reason: VALID.reason } });
    const second = await putDraft(browser, assignment.id, { baseRevision: 1, answers: VALID });
    const page = await (await browser.get(`/forms/${assignment.id}`)).text();

    expect(first.status).toBe(200);
    expect(((await first.json()) as { revision: number }).revision).toBe(1);
    expect(((await second.json()) as { revision: number }).revision).toBe(2);
    expect(page).toContain("Slecht slapen");
    expect(page).toMatch(/Opgeslagen om \d{2}:\d{2}/);
    const [draft] = await rows<{ revision: number; answers_json: string }>(
      "SELECT revision, answers_json FROM questionnaire_drafts WHERE assignment_id = ?",
      assignment.id,
    );
    expect(draft?.revision).toBe(2);
    expect(JSON.parse(draft?.answers_json ?? "{}")).toEqual(VALID);
  });

  it("answers a stale revision with 409 and keeps the newer draft", async () => {
    const { assignment, browser } = await assigned(INTAKE);
    await putDraft(browser, assignment.id, { baseRevision: 0, answers: VALID });

    const stale = await putDraft(browser, assignment.id, {
      baseRevision: 0,
      answers: { reason: [{ type: "string", value: "Oud" }] },
    });
    const body = (await stale.json()) as { error: { code: string }; revision: number };

    expect(stale.status).toBe(409);
    expect(body.error.code).toBe("conflict");
    expect(body.revision).toBe(1);
    expect(
      await countRows("questionnaire_drafts", "assignment_id = ? AND answers_json LIKE '%Oud%'", assignment.id),
    ).toBe(0);
  });

  it("records a draft save without its content", async () => {
    const { assignment, browser } = await assigned(INTAKE);

    await putDraft(browser, assignment.id, { baseRevision: 0, answers: VALID });

    const events = await rows<{ detail: string }>(
      "SELECT detail FROM audit_events WHERE action = 'questionnaire.draft_saved' AND target_id = ?",
      assignment.id,
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.detail).not.toContain("Slecht");
  });

  it.each([
    ["not JSON", "text/plain", "{}", 415],
    ["malformed JSON", "application/json", "{", 400],
    ["no revision", "application/json", JSON.stringify({ answers: {} }), 400],
    [
      "oversized",
      "application/json",
      JSON.stringify({ baseRevision: 0, answers: { reason: [{ type: "string", value: "x".repeat(300_000) }] } }),
      413,
    ],
  ])("rejects a %s body and stores nothing", async (_case, contentType, body, status) => {
    const { assignment, browser } = await assigned(INTAKE);

    const response = await browser.request("PUT", `/api/forms/${assignment.id}/draft`, {
      headers: { "Content-Type": contentType },
      body,
    });

    expect(response.status).toBe(status);
    expect(await countRows("questionnaire_drafts", "assignment_id = ?", assignment.id)).toBe(0);
  });

  it("answers another client's assignment with 404", async () => {
    const { practice, assignment } = await assigned(INTAKE);
    const other = await createClient(practice.id);
    const otherBrowser = await signInWithLink(practice.host, other.email);

    const draft = await putDraft(otherBrowser, assignment.id, { baseRevision: 0, answers: VALID });
    const submit = await postSubmit(otherBrowser, assignment.id, VALID);
    const page = await otherBrowser.get(`/forms/${assignment.id}`);

    expect(draft.status).toBe(404);
    expect(submit.status).toBe(404);
    expect(page.status).toBe(404);
    expect(await countRows("questionnaire_drafts", "assignment_id = ?", assignment.id)).toBe(0);
    expect(await countRows("questionnaire_responses", "assignment_id = ?", assignment.id)).toBe(0);
  });
});

describe("questionnaire prefill", () => {
  it("shows initial values until a draft exists", async () => {
    const resource = {
      ...INTAKE,
      item: [
        ...INTAKE.item,
        { linkId: "city", type: "string", text: "Woonplaats?", initial: [{ valueString: "Utrecht" }] },
      ],
    };
    const { assignment, browser } = await assigned(resource);

    const before = await (await browser.get(`/forms/${assignment.id}`)).text();
    await putDraft(browser, assignment.id, {
      baseRevision: 0,
      answers: { city: [{ type: "string", value: "Zwolle" }] },
    });
    const after = await (await browser.get(`/forms/${assignment.id}`)).text();

    expect(before).toContain('value="Utrecht"');
    expect(after).toContain('value="Zwolle"');
    expect(after).not.toContain('value="Utrecht"');
  });
});

describe("questionnaire submission", () => {
  it("rejects unknown items, wrong types and out-of-range values", async () => {
    const { assignment, browser } = await assigned(INTAKE);

    const response = await postSubmit(browser, assignment.id, {
      reason: [{ type: "integer", value: 5 }],
      hours: [{ type: "integer", value: 30 }],
      smuggled: [{ type: "string", value: "x" }],
    });
    const body = (await response.json()) as { errors: { linkId: string; code: string }[] };

    expect(response.status).toBe(422);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { linkId: "smuggled", code: "unknown_item" },
        { linkId: "reason", code: "wrong_type" },
        { linkId: "hours", code: "above_max" },
      ]),
    );
    expect(await countRows("questionnaire_responses", "assignment_id = ?", assignment.id)).toBe(0);
    expect(await countRows("assignments", "id = ? AND status = 'pending'", assignment.id)).toBe(1);
  });

  it("drops answers to items that enableWhen hides", async () => {
    const { assignment, browser } = await assigned(INTAKE);

    const response = await postSubmit(browser, assignment.id, {
      ...VALID,
      where: [{ type: "string", value: "Verborgen" }],
    });
    const [stored] = await rows<{ answers_json: string; resource_json: string }>(
      "SELECT answers_json, resource_json FROM questionnaire_responses WHERE assignment_id = ?",
      assignment.id,
    );

    expect(response.status).toBe(200);
    expect(JSON.parse(stored?.answers_json ?? "{}")).toEqual(VALID);
    expect(stored?.resource_json).not.toContain("Verborgen");
  });

  it("stores one valid QuestionnaireResponse however often it is sent", async () => {
    const { practice, client, assignment, browser } = await assigned(INTAKE);
    await putDraft(browser, assignment.id, { baseRevision: 0, answers: VALID });

    const responses = await Promise.all([1, 2, 3].map(() => postSubmit(browser, assignment.id, VALID)));
    const retry = await postSubmit(browser, assignment.id, {});

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(retry.status).toBe(200);
    expect(await countRows("questionnaire_responses", "assignment_id = ?", assignment.id)).toBe(1);
    expect(await countRows("questionnaire_drafts", "assignment_id = ?", assignment.id)).toBe(0);
    expect(await countRows("audit_events", "action = 'questionnaire.submitted' AND target_id = ?", assignment.id)).toBe(
      1,
    );
    expect(
      await countRows("assignments", "id = ? AND status = 'completed' AND completed_at IS NOT NULL", assignment.id),
    ).toBe(1);

    const [stored] = await rows<{ id: string }>(
      "SELECT id FROM questionnaire_responses WHERE assignment_id = ?",
      assignment.id,
    );
    const exported = await exportQuestionnaireResponse(getDb(env.DB), practice.id, stored?.id ?? "");
    const imported = importQuestionnaire(INTAKE);
    if (!imported.ok) throw new Error("the test questionnaire does not import");
    expect(exported).toMatchObject({
      resourceType: "QuestionnaireResponse",
      status: "completed",
      subject: { reference: `Patient/${client.id}` },
    });
    expect(validateQuestionnaireResponse(imported.questionnaire, exported).ok).toBe(true);
    expect(await exportQuestionnaireResponse(getDb(env.DB), "prac_other", stored?.id ?? "")).toBeNull();
  });

  it("makes the form read-only with its completion date", async () => {
    const { assignment, browser } = await assigned(INTAKE);
    await postSubmit(browser, assignment.id, VALID);

    const page = await (await browser.get(`/forms/${assignment.id}`)).text();
    const draft = await putDraft(browser, assignment.id, { baseRevision: 0, answers: VALID });

    expect(page).toMatch(/Ingevuld op \d{1,2} \w+ \d{4}/);
    expect(page).toContain("Slecht slapen");
    expect(page).not.toContain("<textarea");
    expect(draft.status).toBe(409);
  });

  it("works without JavaScript through the page's form", async () => {
    const { assignment, browser } = await assigned(INTAKE);

    const missing = await browser.post(`/forms/${assignment.id}`, { intent: "submit", "answer:before": "true" });
    const missingHtml = await missing.text();
    const saved = await browser.post(`/forms/${assignment.id}`, {
      intent: "save",
      revision: "0",
      "answer:reason": "Piekeren",
    });
    const submitted = await browser.post(`/forms/${assignment.id}`, {
      intent: "submit",
      "answer:reason": "Piekeren",
      "answer:before": "false",
      "answer:hours": "7",
    });

    expect(missing.status).toBe(422);
    expect(missingHtml).toContain("Beantwoord deze vraag.");
    expect(missingHtml).toContain('role="alert"');
    expect(saved.headers.get("location")).toBe(`/forms/${assignment.id}?saved=1`);
    expect(submitted.headers.get("location")).toBe(`/forms/${assignment.id}?submitted=1`);
    const [stored] = await rows<{ answers_json: string }>(
      "SELECT answers_json FROM questionnaire_responses WHERE assignment_id = ?",
      assignment.id,
    );
    expect(JSON.parse(stored?.answers_json ?? "{}")).toEqual({
      reason: [{ type: "string", value: "Piekeren" }],
      before: [{ type: "boolean", value: false }],
      hours: [{ type: "integer", value: 7 }],
    });
  });
});

describe("scored instruments", () => {
  function allAnswered(questionnaire: typeof PHQ9_NL, optionIndex: number) {
    const imported = importQuestionnaire(questionnaire);
    if (!imported.ok) throw new Error("the instrument does not import");
    const answers: Record<string, unknown[]> = {};
    const walk = (items: typeof imported.questionnaire.items) => {
      for (const item of items) {
        if (item.type === "choice" && item.options[optionIndex])
          answers[item.linkId] = [item.options[optionIndex].value];
        walk(item.items);
      }
    };
    walk(imported.questionnaire.items);
    return answers;
  }

  it.each([
    ["PHQ-9", PHQ9_NL, 2, "phq-9", 18, "moderately_severe"],
    ["GAD-7", GAD7_NL, 1, "gad-7", 7, "mild"],
  ])(
    "stores the %s score and band but never shows them to the client",
    async (_name, resource, option, instrument, total, band) => {
      const { assignment, browser } = await assigned(resource);

      const response = await postSubmit(browser, assignment.id, allAnswered(resource, option));
      const [stored] = await rows<{ score_instrument: string; score_total: number; score_band: string }>(
        "SELECT score_instrument, score_total, score_band FROM questionnaire_responses WHERE assignment_id = ?",
        assignment.id,
      );
      const page = await (await browser.get(`/forms/${assignment.id}`)).text();

      expect(response.status).toBe(200);
      expect(stored).toEqual({ score_instrument: instrument, score_total: total, score_band: band });
      expect(page).not.toContain(band);
      expect(page).not.toMatch(new RegExp(`\\b${total}\\b.*(score|punten)`, "i"));
    },
  );
});
