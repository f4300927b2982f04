import { describe, expect, it } from "vitest";

import { sampleFiles } from "../../fixtures/files/samples";
import { TestBrowser } from "../support/browser";
import { countRows, rows } from "../support/database";
import { createClient, createDocument, createPractice } from "../support/fixtures";
import { createStaffWithPermissions, signInStaff } from "../support/staff";
import { documentCount, staffScenario, storedDocumentKeys, uploadForm, uploadRaw } from "./content-helpers";

const PDF = sampleFiles()["sample.pdf"];
const ACTIONS = ["share", "unshare", "request-acknowledgement"] as const;

async function documentRow(documentId: string) {
  const [row] = await rows("SELECT * FROM documents WHERE id = ?", documentId);
  return row;
}

function staffAuditCount(staffId: string): Promise<number> {
  return countRows("audit_events", "actor_id = ? AND action LIKE 'document.%'", staffId);
}

describe("document permissions", () => {
  it("rejects uploads and changes without documents.expose", async () => {
    const { practice, client, staff, browser } = await staffScenario(["clients.read", "clients.read.all"]);
    const document = await createDocument(practice.id, client.id, { sharedAt: new Date() });
    const keysBefore = await storedDocumentKeys();
    const rowBefore = await documentRow(document.id);

    const raw = await uploadRaw(browser, client.id, "plan.pdf", PDF);
    const form = await uploadForm(browser, client.id, "plan.pdf", PDF);
    const uploadPage = await browser.get(`/practice/clients/${client.id}/documents/upload`);
    const changes = await Promise.all(
      ACTIONS.map((action) => browser.post(`/practice/clients/${client.id}/documents/${document.id}/${action}`)),
    );

    expect(raw.status).toBe(403);
    expect(form.status).toBe(403);
    expect(uploadPage.status).toBe(403);
    expect(changes.map((response) => response.status)).toEqual([403, 403, 403]);
    expect(await documentCount(client.id)).toBe(1);
    expect(await documentRow(document.id)).toEqual(rowBefore);
    expect(await storedDocumentKeys()).toEqual(keysBefore);
    expect(await staffAuditCount(staff.id)).toBe(0);
  });

  it("rejects reading without clients.read", async () => {
    const { practice, client, browser } = await staffScenario(["documents.expose"]);
    const document = await createDocument(practice.id, client.id);

    const page = await browser.get(`/practice/clients/${client.id}/documents`);
    const file = await browser.get(`/practice/clients/${client.id}/documents/${document.id}/file`);

    expect(page.status).toBe(403);
    expect(file.status).toBe(403);
  });

  it("answers 404 for another practice's client and changes nothing", async () => {
    const { staff, browser } = await staffScenario(["clients.read", "clients.read.all", "documents.expose"]);
    const otherPractice = await createPractice();
    const otherClient = await createClient(otherPractice.id);
    const otherDocument = await createDocument(otherPractice.id, otherClient.id, { sharedAt: null });
    const rowBefore = await documentRow(otherDocument.id);
    const keysBefore = await storedDocumentKeys();
    const base = `/practice/clients/${otherClient.id}/documents`;

    const responses = [
      await uploadRaw(browser, otherClient.id, "plan.pdf", PDF),
      await uploadForm(browser, otherClient.id, "plan.pdf", PDF),
      await browser.get(`${base}/upload`),
      await browser.get(base),
      await browser.get(`${base}/${otherDocument.id}/file`),
      ...(await Promise.all(ACTIONS.map((action) => browser.post(`${base}/${otherDocument.id}/${action}`)))),
    ];

    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect(await documentCount(otherClient.id)).toBe(1);
    expect(await documentRow(otherDocument.id)).toEqual(rowBefore);
    expect(await storedDocumentKeys()).toEqual(keysBefore);
    expect(await staffAuditCount(staff.id)).toBe(0);
  });

  it("answers 404 for another practice's document under an own client", async () => {
    const { client, browser } = await staffScenario(["clients.read", "clients.read.all", "documents.expose"]);
    const otherPractice = await createPractice();
    const otherClient = await createClient(otherPractice.id);
    const otherDocument = await createDocument(otherPractice.id, otherClient.id, { sharedAt: null });
    const rowBefore = await documentRow(otherDocument.id);
    const base = `/practice/clients/${client.id}/documents/${otherDocument.id}`;

    const file = await browser.get(`${base}/file`);
    const changes = await Promise.all(ACTIONS.map((action) => browser.post(`${base}/${action}`)));

    expect(file.status).toBe(404);
    expect(changes.map((response) => response.status)).toEqual([404, 404, 404]);
    expect(await documentRow(otherDocument.id)).toEqual(rowBefore);
  });

  it("answers 404 for a client the staff member does not treat", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const staff = await createStaffWithPermissions(practice.id, ["clients.read", "documents.expose"]);
    const browser = await signInStaff(practice.host, staff.email);

    const page = await browser.get(`/practice/clients/${client.id}/documents`);
    const upload = await uploadRaw(browser, client.id, "plan.pdf", PDF);

    expect(page.status).toBe(404);
    expect(upload.status).toBe(404);
    expect(await documentCount(client.id)).toBe(0);
  });

  it("answers 401 to an upload without a staff session", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);

    const response = await uploadRaw(new TestBrowser(practice.host), client.id, "plan.pdf", PDF);

    expect(response.status).toBe(401);
    expect(await documentCount(client.id)).toBe(0);
  });
});
