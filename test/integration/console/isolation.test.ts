import { describe, expect, it } from "vitest";

import { TestBrowser } from "../support/browser";
import { countRows, rows } from "../support/database";
import { createAssignment, createClient, createDocument, createQuestionnaireVersion } from "../support/fixtures";
import { signInWithLink } from "../support/sign-in";
import { STAFF_SESSION_COOKIE, signInStaff } from "../support/staff";
import { createPracticeWithAdmin } from "./staff-fixtures";

const CLIENT_SESSION_COOKIE = "__Host-veranda_session";

/**
 * Two practices created like `npm run practice:create` does, each with its own admin. Practice A
 * has a client with a shared document and an assigned questionnaire; B's admin is signed in.
 */
async function twoPractices() {
  const first = await createPracticeWithAdmin({ name: "Praktijk Eerste Lijn" });
  const second = await createPracticeWithAdmin({ name: "Praktijk Tweede Lijn" });

  const client = await createClient(first.practice.id, { firstName: "Fenna", lastName: "Vos-Geheim" });
  const document = await createDocument(first.practice.id, client.id, { fileName: "Behandelplan Fenna.pdf" });
  const version = await createQuestionnaireVersion(first.practice.id, { title: "Intake Eerste Lijn" });
  const assignment = await createAssignment(first.practice.id, client.id, version.id);
  const otherClient = await createClient(second.practice.id, { firstName: "Bram" });
  const own = {
    document: await createDocument(second.practice.id, otherClient.id),
    version: await createQuestionnaireVersion(second.practice.id, { title: "Intake Tweede Lijn" }),
  };
  const ownAssignment = await createAssignment(second.practice.id, otherClient.id, own.version.id);

  const secondAdmin = await signInStaff(second.practice.host, second.admin.email);
  return {
    first,
    second,
    client,
    document,
    version,
    assignment,
    otherClient,
    own: { ...own, assignment: ownAssignment },
    secondAdmin,
  };
}

/** Console pages about one client and its document, a questionnaire, a staff member and a role. */
function pagePaths(ids: {
  clientId: string;
  documentId: string;
  questionnaireId: string;
  staffId: string;
  roleId: string;
}) {
  return [
    `/practice/clients/${ids.clientId}`,
    `/practice/clients/${ids.clientId}/documents`,
    `/practice/clients/${ids.clientId}/documents/upload`,
    `/practice/clients/${ids.clientId}/documents/${ids.documentId}/file`,
    `/practice/clients/${ids.clientId}/questionnaires`,
    `/practice/clients/${ids.clientId}/questionnaires/assign`,
    `/practice/questionnaires/${ids.questionnaireId}`,
    `/practice/staff/${ids.staffId}`,
    `/practice/roles/${ids.roleId}`,
  ];
}

async function clientRow(clientId: string) {
  const [row] = await rows("SELECT portal_access, archived_at FROM clients WHERE id = ?", clientId);
  return row;
}

async function documentRow(documentId: string) {
  const [row] = await rows(
    "SELECT shared_at, unshared_at, acknowledgement_requested_at FROM documents WHERE id = ?",
    documentId,
  );
  return row;
}

async function assignmentRow(assignmentId: string) {
  const [row] = await rows("SELECT status FROM assignments WHERE id = ?", assignmentId);
  return row;
}

async function questionnaireRow(questionnaireId: string) {
  const [row] = await rows("SELECT status FROM questionnaires WHERE id = ?", questionnaireId);
  return row;
}

describe("practice isolation", () => {
  it("lists none of another practice's clients or questionnaires", async () => {
    const { client, version, secondAdmin } = await twoPractices();

    const clients = await (await secondAdmin.get("/practice/clients")).text();
    const search = await (await secondAdmin.get("/practice/clients?q=Vos-Geheim")).text();
    const library = await (await secondAdmin.get("/practice/questionnaires")).text();
    const staff = await (await secondAdmin.get("/practice/staff")).text();

    expect(clients).toContain("Bram");
    expect(clients).not.toContain("Vos-Geheim");
    expect(search).not.toContain(client.id);
    expect(search).not.toContain(client.email);
    expect(library).not.toContain(version.questionnaireId);
    expect(library).not.toContain("Intake Eerste Lijn");
    expect(staff).not.toContain("Praktijk Eerste Lijn");
  });

  it("serves the console pages for its own ids", async () => {
    const { second, otherClient, own, secondAdmin } = await twoPractices();

    const paths = pagePaths({
      clientId: otherClient.id,
      documentId: own.document.id,
      questionnaireId: own.version.questionnaireId,
      staffId: second.admin.id,
      roleId: second.roles.secretary,
    });

    for (const path of paths) expect((await secondAdmin.get(path)).status, path).toBe(200);
    expect(await (await secondAdmin.get("/practice/questionnaires")).text()).toContain(own.version.questionnaireId);
  });

  it("answers 404 on pages for another practice's ids", async () => {
    const { first, client, document, version, assignment, otherClient, secondAdmin } = await twoPractices();

    const paths = [
      ...pagePaths({
        clientId: client.id,
        documentId: document.id,
        questionnaireId: version.questionnaireId,
        staffId: first.admin.id,
        roleId: first.roles.secretary,
      }),
      // The answers pages need a submitted response, so the test above does not check that they
      // return 200 for the practice's own ids.
      `/practice/clients/${client.id}/questionnaires/${assignment.id}`,
      `/practice/clients/${client.id}/questionnaires/${assignment.id}/response.json`,
      `/practice/clients/${otherClient.id}/documents/${document.id}/file`,
      `/practice/clients/${otherClient.id}/questionnaires/${assignment.id}`,
    ];

    for (const path of paths) {
      const response = await secondAdmin.get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain("Fenna");
    }
  });

  it("accepts the same actions for its own ids", async () => {
    const { otherClient, own, secondAdmin } = await twoPractices();

    const posts: [string, Record<string, string>][] = [
      [`/practice/clients/${otherClient.id}/documents/${own.document.id}/unshare`, {}],
      [`/practice/clients/${otherClient.id}/questionnaires/${own.assignment.id}/withdraw`, {}],
      [`/practice/questionnaires/${own.version.questionnaireId}/status`, { status: "retired" }],
      [`/practice/clients/${otherClient.id}/archive`, {}],
    ];

    for (const [path, form] of posts) expect((await secondAdmin.post(path, form)).status, path).toBe(303);
  });

  it("answers 404 on actions for another practice's ids and changes nothing", async () => {
    const { first, client, document, version, assignment, otherClient, secondAdmin } = await twoPractices();
    const before = {
      client: await clientRow(client.id),
      document: await documentRow(document.id),
      assignment: await assignmentRow(assignment.id),
      questionnaire: await questionnaireRow(version.questionnaireId),
      documents: await countRows("documents", "client_id = ?", client.id),
      adminActive: await countRows("staff_members", "id = ? AND active = 1", first.admin.id),
    };

    const posts: [string, Record<string, string>][] = [
      [`/practice/clients/${client.id}`, { firstName: "Overgenomen", lastName: "X", email: "x@example.nl" }],
      [`/practice/clients/${client.id}/archive`, {}],
      [`/practice/clients/${client.id}/revoke-access`, {}],
      [`/practice/clients/${client.id}/grant-access`, {}],
      [`/practice/clients/${client.id}/invite`, {}],
      [`/practice/clients/${client.id}/assign-staff`, { staffId: first.admin.id }],
      [`/practice/clients/${client.id}/documents/${document.id}/unshare`, {}],
      [`/practice/clients/${otherClient.id}/documents/${document.id}/unshare`, {}],
      [`/practice/clients/${client.id}/documents/${document.id}/request-acknowledgement`, {}],
      [`/practice/clients/${client.id}/questionnaires/assign`, { questionnaireId: version.questionnaireId }],
      [`/practice/clients/${client.id}/questionnaires/${assignment.id}/withdraw`, {}],
      [`/practice/clients/${otherClient.id}/questionnaires/${assignment.id}/withdraw`, {}],
      [`/practice/questionnaires/${version.questionnaireId}/status`, { status: "retired" }],
      [`/practice/staff/${first.admin.id}`, { intent: "deactivate" }],
    ];
    for (const [path, form] of posts) {
      const response = await secondAdmin.post(path, form);
      expect(response.status, path).toBe(404);
    }
    const upload = await secondAdmin.request("POST", `/practice/api/clients/${client.id}/documents`, {
      body: "%PDF-1.4 niet van jou",
      headers: { "Content-Type": "application/pdf", "X-File-Name": "indringer.pdf" },
    });

    expect(upload.status).toBe(404);
    expect(await clientRow(client.id)).toEqual(before.client);
    expect(await documentRow(document.id)).toEqual(before.document);
    expect(await assignmentRow(assignment.id)).toEqual(before.assignment);
    expect(await questionnaireRow(version.questionnaireId)).toEqual(before.questionnaire);
    expect(await countRows("documents", "client_id = ?", client.id)).toBe(before.documents);
    expect(await countRows("staff_members", "id = ? AND active = 1", first.admin.id)).toBe(before.adminActive);
    expect(await countRows("audit_events", "practice_id = ? AND actor_type = 'staff'", first.practice.id)).toBe(0);
  });

  it("rejects a staff session of one practice on another practice's host", async () => {
    const { first, second } = await twoPractices();
    const firstAdmin = await signInStaff(first.practice.host, first.admin.email);
    const token = firstAdmin.cookies.get(STAFF_SESSION_COOKIE)?.value ?? "";
    const intruder = new TestBrowser(second.practice.host);
    intruder.cookies.set(STAFF_SESSION_COOKIE, { value: token, attributes: [] });

    const page = await intruder.get("/practice/clients");
    const post = await intruder.post("/practice/staff", { name: "X", email: "x@example.nl", locale: "nl" });

    expect(token).not.toBe("");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toMatch(/^\/practice\/login/);
    expect(post.status).toBe(303);
    expect(await countRows("staff_members", "practice_id = ? AND email = 'x@example.nl'", second.practice.id)).toBe(0);
    expect((await firstAdmin.get("/practice/clients")).status).toBe(200);
  });

  it("rejects a client session of one practice on another practice's host", async () => {
    const { first, second, client } = await twoPractices();
    const portal = await signInWithLink(first.practice.host, client.email);
    const token = portal.cookies.get(CLIENT_SESSION_COOKIE)?.value ?? "";
    const intruder = new TestBrowser(second.practice.host);
    intruder.cookies.set(CLIENT_SESSION_COOKIE, { value: token, attributes: [] });

    const dashboard = await intruder.get("/dashboard");
    const documents = await intruder.get("/api/documents");

    expect(token).not.toBe("");
    expect(dashboard.status).toBe(303);
    expect(dashboard.headers.get("location")).toMatch(/^\/login/);
    expect(documents.status).toBe(401);
    expect((await portal.get("/dashboard")).status).toBe(200);
  });

  it("keeps a staff session out of the client portal on the same host", async () => {
    const { second } = await twoPractices();
    const staffBrowser = await signInStaff(second.practice.host, second.admin.email);
    const token = staffBrowser.cookies.get(STAFF_SESSION_COOKIE)?.value ?? "";
    const visitor = new TestBrowser(second.practice.host);
    visitor.cookies.set(CLIENT_SESSION_COOKIE, { value: token, attributes: [] });

    const dashboard = await visitor.get("/dashboard");

    expect(dashboard.status).toBe(303);
    expect(dashboard.headers.get("location")).toMatch(/^\/login/);
  });
});
