import { env } from "cloudflare:workers";
import { expect } from "vitest";

import { rolePermissions, roles, staffRoles } from "../../../db/schema";
import type { Permission } from "../../../src/lib/console/permissions";
import { getDb } from "../../../src/lib/db/client";
import { TestBrowser } from "./browser";
import { createStaffMember } from "./fixtures";
import { latestSignInMail } from "./mail";

export const STAFF_SESSION_COOKIE = "__Host-veranda_staff_session";

/**
 * Stores a role holding exactly `permissions` and a staff member with that role. Each call makes
 * its own role, so tests never depend on the seeded system roles.
 */
export async function createStaffWithPermissions(
  practiceId: string,
  permissions: readonly Permission[],
  overrides: Parameters<typeof createStaffMember>[1] = {},
) {
  const staff = await createStaffMember(practiceId, overrides);
  const db = getDb(env.DB);
  const roleId = `rol_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;

  await db.insert(roles).values({ id: roleId, practiceId, name: `Role ${roleId}`, createdAt: new Date() });
  if (permissions.length > 0) {
    await db.insert(rolePermissions).values(permissions.map((permission) => ({ roleId, practiceId, permission })));
  }
  await db.insert(staffRoles).values({ staffId: staff.id, roleId, practiceId });
  return { ...staff, roleId };
}

/** Returns a documentation-range IPv6 address, so each sign-in has its own throttle counter. */
function uniqueTestIp(): string {
  const group = () => Math.floor(Math.random() * 0x10000).toString(16);
  return `2001:db8::${group()}:${group()}`;
}

/**
 * Signs a staff member in at /practice/login through the emailed link, the way a person does,
 * and returns the browser holding the staff session cookie.
 */
export async function signInStaff(host: string, email: string): Promise<TestBrowser> {
  const browser = new TestBrowser(host);
  const headers = { "cf-connecting-ip": uniqueTestIp() };

  const requested = await browser.request("POST", "/practice/login", { form: { email }, headers });
  expect(requested.status).toBe(303);
  expect(requested.headers.get("location")).toBe("/practice/login/check");

  const mail = await latestSignInMail(email);
  expect(mail.linkPath).toMatch(/^\/practice\/login\/link\//);
  const redeemed = await browser.request("POST", mail.linkPath, { headers });
  expect(redeemed.status).toBe(303);
  expect(browser.cookies.has(STAFF_SESSION_COOKIE)).toBe(true);
  return browser;
}
