import { describe, expect, it } from "vitest";

import type { Permission } from "../../../src/lib/console/permissions";
import { TestBrowser } from "../support/browser";
import { countRows, execute, rows } from "../support/database";
import { createClient, createPractice } from "../support/fixtures";
import { requestSignIn, signInWithLink } from "../support/sign-in";
import { createStaffWithPermissions, signInStaff } from "../support/staff";

const CLIENT_SESSION_COOKIE = "__Host-veranda_session";

async function consoleAs(permissions: readonly Permission[]) {
  const practice = await createPractice();
  const staff = await createStaffWithPermissions(practice.id, ["clients.read", "clients.read.all", ...permissions]);
  const browser = await signInStaff(practice.host, staff.email);
  return { practice, staff, browser };
}

/**
 * Signs the client in (an open session) and requests a second sign-in email in another browser
 * without using it (an outstanding link).
 */
async function clientInPortal(host: string, email: string) {
  const session = await signInWithLink(host, email);
  const other = new TestBrowser(host);
  const unusedMail = await requestSignIn(other, email);
  return { session, other, unusedLinkPath: unusedMail.linkPath };
}

async function clientRow(clientId: string) {
  const [row] = await rows<{ portal_access: number; archived_at: number | null }>(
    "SELECT portal_access, archived_at FROM clients WHERE id = ?",
    clientId,
  );
  return row;
}

async function auditActions(practiceId: string, clientId: string) {
  const found = await rows<{ action: string }>(
    "SELECT action FROM audit_events WHERE practice_id = ? AND target_type = 'client' AND target_id = ? ORDER BY created_at",
    practiceId,
    clientId,
  );
  return found.map((row) => row.action);
}

/** Asserts that the client's session ended and the unused link no longer signs in. */
async function expectPortalUseEnded(portal: Awaited<ReturnType<typeof clientInPortal>>, clientId: string) {
  const dashboard = await portal.session.get("/dashboard");
  expect(dashboard.status).toBe(303);
  expect(dashboard.headers.get("location")).toMatch(/^\/login/);

  const redeemed = await portal.other.post(portal.unusedLinkPath);
  expect(redeemed.status).not.toBe(303);
  expect(portal.other.cookies.has(CLIENT_SESSION_COOKIE)).toBe(false);

  expect(await countRows("sessions", "subject_type = 'client' AND subject_id = ?", clientId)).toBe(0);
  expect(
    await countRows("sign_in_requests", "subject_id = ? AND consumed_at IS NULL AND revoked_at IS NULL", clientId),
  ).toBe(0);
}

describe("portal access", () => {
  it("revoking ends the session and unused links", async () => {
    const { practice, staff, browser } = await consoleAs(["portal.access.manage"]);
    const client = await createClient(practice.id);
    const portal = await clientInPortal(practice.host, client.email);
    expect((await portal.session.get("/dashboard")).status).toBe(200);

    const response = await browser.post(`/practice/clients/${client.id}/revoke-access`);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/clients/${client.id}?notice=access_revoked`);
    expect((await clientRow(client.id))?.portal_access).toBe(0);
    await expectPortalUseEnded(portal, client.id);
    const [event] = await rows(
      "SELECT actor_type, actor_id FROM audit_events WHERE practice_id = ? AND action = 'portal_access.revoked'",
      practice.id,
    );
    expect(event).toEqual({ actor_type: "staff", actor_id: staff.id });
  });

  it("granting lets the client sign in", async () => {
    const { practice, browser } = await consoleAs(["portal.access.manage"]);
    const client = await createClient(practice.id, { portalAccess: false });

    const response = await browser.post(`/practice/clients/${client.id}/grant-access`);

    expect(response.status).toBe(303);
    expect((await clientRow(client.id))?.portal_access).toBe(1);
    expect(await auditActions(practice.id, client.id)).toEqual(["portal_access.granted"]);
    const portal = await signInWithLink(practice.host, client.email);
    expect((await portal.get("/dashboard")).status).toBe(200);
  });

  it("refuses to grant access to an archived client", async () => {
    const { practice, browser } = await consoleAs(["portal.access.manage"]);
    const client = await createClient(practice.id, { portalAccess: false, archivedAt: new Date() });

    const response = await browser.post(`/practice/clients/${client.id}/grant-access`);

    expect(response.status).toBe(409);
    expect((await clientRow(client.id))?.portal_access).toBe(0);
    expect(await auditActions(practice.id, client.id)).toEqual([]);
  });

  it("answers 403 without portal.access.manage", async () => {
    const { practice, browser } = await consoleAs(["clients.update"]);
    const client = await createClient(practice.id);
    const locked = await createClient(practice.id, { portalAccess: false });
    const portal = await clientInPortal(practice.host, client.email);

    const revoked = await browser.post(`/practice/clients/${client.id}/revoke-access`);
    const granted = await browser.post(`/practice/clients/${locked.id}/grant-access`);

    expect(revoked.status).toBe(403);
    expect(granted.status).toBe(403);
    expect((await clientRow(client.id))?.portal_access).toBe(1);
    expect((await clientRow(locked.id))?.portal_access).toBe(0);
    expect((await portal.session.get("/dashboard")).status).toBe(200);
    expect(await countRows("sign_in_requests", "subject_id = ? AND revoked_at IS NOT NULL", client.id)).toBe(0);
    expect(await countRows("audit_events", "practice_id = ? AND target_type = 'client'", practice.id)).toBe(0);
  });

  it("answers 403 without clients.read", async () => {
    const practice = await createPractice();
    const staff = await createStaffWithPermissions(practice.id, ["portal.access.manage", "clients.update"]);
    const browser = await signInStaff(practice.host, staff.email);
    const client = await createClient(practice.id);
    await execute(
      "INSERT INTO client_staff (client_id, staff_id, practice_id) VALUES (?, ?, ?)",
      client.id,
      staff.id,
      practice.id,
    );

    const revoked = await browser.post(`/practice/clients/${client.id}/revoke-access`);
    const archived = await browser.post(`/practice/clients/${client.id}/archive`);

    expect(revoked.status).toBe(403);
    expect(archived.status).toBe(403);
    expect(await clientRow(client.id)).toEqual({ portal_access: 1, archived_at: null });
  });

  it("answers 404 for another practice's client", async () => {
    const { browser } = await consoleAs(["portal.access.manage", "clients.update"]);
    const other = await createPractice();
    const client = await createClient(other.id);
    const locked = await createClient(other.id, { portalAccess: false });
    const portal = await signInWithLink(other.host, client.email);

    const responses = [
      await browser.post(`/practice/clients/${client.id}/revoke-access`),
      await browser.post(`/practice/clients/${client.id}/archive`),
      await browser.post(`/practice/clients/${locked.id}/grant-access`),
    ];

    expect(responses.map((response) => response.status)).toEqual([404, 404, 404]);
    expect(await clientRow(client.id)).toEqual({ portal_access: 1, archived_at: null });
    expect((await clientRow(locked.id))?.portal_access).toBe(0);
    expect((await portal.get("/dashboard")).status).toBe(200);
    expect(await countRows("audit_events", "practice_id = ? AND target_type = 'client'", other.id)).toBe(0);
  });

  it("answers 404 for a client not assigned without clients.read.all", async () => {
    const practice = await createPractice();
    const staff = await createStaffWithPermissions(practice.id, ["clients.read", "portal.access.manage"]);
    const browser = await signInStaff(practice.host, staff.email);
    const client = await createClient(practice.id);

    const response = await browser.post(`/practice/clients/${client.id}/revoke-access`);

    expect(response.status).toBe(404);
    expect((await clientRow(client.id))?.portal_access).toBe(1);
  });
});

describe("archiving", () => {
  it("archives and ends the session and unused links", async () => {
    const { practice, browser } = await consoleAs(["clients.update"]);
    const client = await createClient(practice.id);
    const portal = await clientInPortal(practice.host, client.email);

    const response = await browser.post(`/practice/clients/${client.id}/archive`);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/clients/${client.id}?notice=archived`);
    expect((await clientRow(client.id))?.archived_at).toEqual(expect.any(Number));
    await expectPortalUseEnded(portal, client.id);
    expect(await auditActions(practice.id, client.id)).toEqual(["client.archived"]);
  });

  it("restores an archived client", async () => {
    const { practice, browser } = await consoleAs(["clients.update"]);
    const client = await createClient(practice.id, { archivedAt: new Date() });

    const response = await browser.post(`/practice/clients/${client.id}/restore`);

    expect(response.status).toBe(303);
    expect((await clientRow(client.id))?.archived_at).toBeNull();
    expect(await auditActions(practice.id, client.id)).toEqual(["client.restored"]);
  });

  it("answers 403 without clients.update", async () => {
    const { practice, browser } = await consoleAs(["portal.access.manage"]);
    const client = await createClient(practice.id);
    const archived = await createClient(practice.id, { archivedAt: new Date() });
    const portal = await signInWithLink(practice.host, client.email);

    const archiving = await browser.post(`/practice/clients/${client.id}/archive`);
    const restoring = await browser.post(`/practice/clients/${archived.id}/restore`);

    expect(archiving.status).toBe(403);
    expect(restoring.status).toBe(403);
    expect((await clientRow(client.id))?.archived_at).toBeNull();
    expect((await clientRow(archived.id))?.archived_at).toEqual(expect.any(Number));
    expect((await portal.get("/dashboard")).status).toBe(200);
  });
});
