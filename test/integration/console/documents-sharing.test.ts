import { describe, expect, it } from "vitest";

import { sampleFiles } from "../../fixtures/files/samples";
import { rows } from "../support/database";
import { createDocument } from "../support/fixtures";
import { signInWithLink } from "../support/sign-in";
import { auditActions, staffScenario, uploadRaw } from "./content-helpers";

const EXPOSER = ["clients.read", "clients.read.all", "documents.expose"] as const;
const PDF = sampleFiles()["sample.pdf"];

/** Uploads a PDF (not shared) and returns its id. */
async function uploadedDocument(browser: Awaited<ReturnType<typeof staffScenario>>["browser"], clientId: string) {
  const response = await uploadRaw(browser, clientId, "Behandelplan.pdf", PDF);
  expect(response.status).toBe(201);
  return ((await response.json()) as { document: { id: string } }).document.id;
}

async function documentState(documentId: string) {
  const [row] = await rows<{
    shared_at: number | null;
    shared_by: string | null;
    unshared_at: number | null;
    acknowledgement_requested_at: number | null;
  }>("SELECT shared_at, shared_by, unshared_at, acknowledgement_requested_at FROM documents WHERE id = ?", documentId);
  return row;
}

describe("sharing documents", () => {
  it("shares to the portal and unsharing removes it at once", async () => {
    const { client, staff, browser } = await staffScenario(EXPOSER);
    const documentId = await uploadedDocument(browser, client.id);
    const portal = await signInWithLink(browser.origin.replace("http://", ""), client.email);
    const base = `/practice/clients/${client.id}/documents/${documentId}`;

    const before = await (await portal.get("/documents")).text();
    const shared = await browser.post(`${base}/share`, { return_to: `/practice/clients/${client.id}` });
    const listed = await (await portal.get("/documents")).text();
    const opened = await portal.get(`/documents/${documentId}/file`);
    const unshared = await browser.post(`${base}/unshare`, { return_to: `/practice/clients/${client.id}` });
    const after = await (await portal.get("/documents")).text();
    const fileAfter = await portal.get(`/documents/${documentId}/file?download=1`);
    const pageAfter = await portal.get(`/documents/${documentId}`);

    expect(before).not.toContain("Behandelplan.pdf");
    expect(shared.status).toBe(303);
    expect(shared.headers.get("location")).toBe(`/practice/clients/${client.id}?document_notice=share#documents`);
    expect(listed).toContain("Behandelplan.pdf");
    expect(opened.status).toBe(200);
    expect(new Uint8Array(await opened.arrayBuffer())).toEqual(PDF);
    expect(unshared.status).toBe(303);
    expect(unshared.headers.get("location")).toBe(`/practice/clients/${client.id}?document_notice=unshare#documents`);
    expect(after).not.toContain("Behandelplan.pdf");
    expect(fileAfter.status).toBe(404);
    expect(pageAfter.status).toBe(404);
    const state = await documentState(documentId);
    expect(state?.shared_by).toBe(staff.id);
    expect(state?.unshared_at).not.toBeNull();
    expect(await auditActions(documentId)).toEqual(["document.uploaded", "document.shared", "document.unshared"]);
  });

  it("shares again after an unshare", async () => {
    const { client, browser } = await staffScenario(EXPOSER);
    const documentId = await uploadedDocument(browser, client.id);
    const base = `/practice/clients/${client.id}/documents/${documentId}`;

    await browser.post(`${base}/share`);
    await browser.post(`${base}/unshare`);
    const again = await browser.post(`${base}/share`);
    const state = await documentState(documentId);

    expect(again.headers.get("location")).toContain("document_notice=share");
    expect(state?.shared_at).not.toBeNull();
    expect(state?.unshared_at).toBeNull();
  });

  it("changes nothing when an action is repeated", async () => {
    const { client, browser } = await staffScenario(EXPOSER);
    const documentId = await uploadedDocument(browser, client.id);
    const base = `/practice/clients/${client.id}/documents/${documentId}`;

    await browser.post(`${base}/share`);
    const first = await documentState(documentId);
    const repeated = await browser.post(`${base}/share`);
    const unchangedUnshare = await browser.post(`${base}/request-acknowledgement`);
    const repeatedRequest = await browser.post(`${base}/request-acknowledgement`);

    expect(repeated.headers.get("location")).toContain("document_notice=unchanged");
    expect(unchangedUnshare.headers.get("location")).toContain("document_notice=request_acknowledgement");
    expect(repeatedRequest.headers.get("location")).toContain("document_notice=unchanged");
    expect((await documentState(documentId))?.shared_at).toBe(first?.shared_at);
    expect(await auditActions(documentId)).toEqual([
      "document.uploaded",
      "document.shared",
      "document.acknowledgement_requested",
    ]);
  });

  it("shows acknowledgement, first view and first download", async () => {
    const { client, browser } = await staffScenario(EXPOSER);
    const documentId = await uploadedDocument(browser, client.id);
    const base = `/practice/clients/${client.id}/documents/${documentId}`;
    await browser.post(`${base}/share`);
    await browser.post(`${base}/request-acknowledgement`);
    const before = await (await browser.get(`/practice/clients/${client.id}/documents`)).text();

    const portal = await signInWithLink(browser.origin.replace("http://", ""), client.email);
    const clientPage = await (await portal.get(`/documents/${documentId}`)).text();
    await portal.get(`/documents/${documentId}/file?download=1`);
    await portal.post(`/documents/${documentId}/acknowledge`);
    const after = await (await browser.get(`/practice/clients/${client.id}/documents`)).text();

    expect(before).toContain("Gevraagd op");
    expect(before).toContain("Nog niet bekeken");
    expect(before).toContain("Nog niet gedownload");
    expect(clientPage).toContain("Ik heb dit document gelezen");
    expect(after).toContain("Bevestigd op");
    expect(after).toContain("Voor het eerst bekeken op");
    expect(after).toContain("Voor het eerst gedownload op");
    expect(after).toMatch(/Gedeeld op \d{1,2} \w+ \d{4} om \d{2}:\d{2} door Eva Mulder/);
  });

  it("lists every document on the client page with its actions", async () => {
    const { client, browser } = await staffScenario(EXPOSER);
    const documentId = await uploadedDocument(browser, client.id);

    const response = await browser.get(`/practice/clients/${client.id}?document_notice=uploaded`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('id="documents"');
    expect(html).toContain("Het document is geüpload.");
    expect(html).toContain("Behandelplan.pdf");
    expect(html).toContain(`/practice/clients/${client.id}/documents/${documentId}/share`);
    expect(html).toContain(`/practice/clients/${client.id}/documents/${documentId}/request-acknowledgement`);
    expect(html).toContain('type="file"');
    expect(html).toContain(`/practice/api/clients/${client.id}/documents`);
  });

  it("shows no actions to staff who can only read", async () => {
    const { practice, client, browser } = await staffScenario(["clients.read", "clients.read.all"]);
    const document = await createDocument(practice.id, client.id, { fileName: "Verslag.pdf", sharedAt: null });

    const html = await (await browser.get(`/practice/clients/${client.id}/documents`)).text();

    expect(html).toContain("Verslag.pdf");
    expect(html).toContain("Niet gedeeld");
    expect(html).not.toContain(`${document.id}/share`);
    expect(html).not.toContain('type="file"');
  });
});
