import type { APIContext } from "astro";

import { getDb } from "../../db/client";
import { clientIpAddress, readForm } from "../../web/request";
import type { ConsolePageResult } from "../settings/page-result";
import type { StaffActor } from "../staff/actor";
import type { StaffContext } from "../staff-context";
import { createCustomRole, deleteCustomRole, updateCustomRole } from "./role-changes";
import { type RoleFormErrors, type RoleFormValues, readRoleForm, validateRoleForm } from "./role-form";
import { listRoles, type RoleSummary } from "./roles";

type PageContext = Pick<APIContext, "request" | "url" | "locals" | "params">;

export const ROLES_PATH = "/practice/roles";

const LIST_NOTICES = ["deleted"] as const;
const ROLE_NOTICES = ["created", "updated", "unchanged"] as const;
export type RolesListNotice = (typeof LIST_NOTICES)[number];
export type RoleNotice = (typeof ROLE_NOTICES)[number];

export interface RolesListView {
  roles: RoleSummary[];
  notice: RolesListNotice | null;
}

export interface RoleView {
  /** The role being edited; null on the page that creates one. */
  role: RoleSummary | null;
  values: RoleFormValues;
  errors: RoleFormErrors;
  /** Reason the whole change was rejected, shown above the form. */
  actionError: "system_role" | "self_manage" | null;
  notice: RoleNotice | null;
}

function readNotice<Notice extends string>(url: URL, known: readonly Notice[]): Notice | null {
  const notice = url.searchParams.get("notice");
  return known.find((candidate) => candidate === notice) ?? null;
}

function actorOf(context: PageContext, staff: StaffContext): StaffActor {
  return { staff, ipAddress: clientIpAddress(context.request), now: context.locals.now };
}

/** Lists the practice's system and custom roles. */
export async function rolesListPage(context: PageContext, staff: StaffContext): Promise<RolesListView> {
  return {
    roles: await listRoles(getDb(), staff.member.practiceId),
    notice: readNotice(context.url, LIST_NOTICES),
  };
}

/** Shows the form for a new custom role (GET) or creates it (POST). */
export async function newRolePage(context: PageContext, staff: StaffContext): Promise<ConsolePageResult<RoleView>> {
  const empty: RoleView = {
    role: null,
    values: { name: "", permissions: [] },
    errors: {},
    actionError: null,
    notice: null,
  };
  if (context.request.method !== "POST") return { view: empty, status: 200 };

  const db = getDb();
  const form = await readForm(context.request);
  if (!form) return { view: empty, status: 400 };

  const values = readRoleForm(form);
  const parsed = validateRoleForm(values, await listRoles(db, staff.member.practiceId), null);
  if (!parsed.ok) return { view: { ...empty, values, errors: parsed.errors }, status: 400 };

  const result = await createCustomRole(db, actorOf(context, staff), parsed);
  if (!result.ok) return { view: { ...empty, values, errors: { name: "name_taken" } }, status: 409 };
  return { redirect: `${ROLES_PATH}/${result.roleId}?notice=created` };
}

/**
 * Shows one role (GET); a POST saves a custom role's name and permissions, or deletes it with
 * `intent=delete`. A system role is shown read-only and any POST to it is rejected with 403.
 */
export async function rolePage(context: PageContext, staff: StaffContext): Promise<ConsolePageResult<RoleView>> {
  const db = getDb();
  const allRoles = await listRoles(db, staff.member.practiceId);
  const role = allRoles.find((candidate) => candidate.id === context.params.id);
  if (!role) return { notFound: true };

  const stored: RoleView = {
    role,
    values: { name: role.name, permissions: role.permissions },
    errors: {},
    actionError: null,
    notice: null,
  };
  if (context.request.method !== "POST") {
    return { view: { ...stored, notice: readNotice(context.url, ROLE_NOTICES) }, status: 200 };
  }
  if (role.systemKey) return { view: { ...stored, actionError: "system_role" }, status: 403 };

  const form = await readForm(context.request);
  if (!form) return { view: stored, status: 400 };
  const actor = actorOf(context, staff);

  if (form.get("intent") === "delete") {
    const deleted = await deleteCustomRole(db, actor, allRoles, role);
    if (!deleted.ok) return { view: { ...stored, actionError: "self_manage" }, status: 409 };
    return { redirect: `${ROLES_PATH}?notice=deleted` };
  }

  const values = readRoleForm(form);
  const parsed = validateRoleForm(values, allRoles, role.id);
  if (!parsed.ok) return { view: { ...stored, values, errors: parsed.errors }, status: 400 };

  const updated = await updateCustomRole(db, actor, allRoles, role, parsed);
  if (!updated.ok && updated.error === "name_taken") {
    return { view: { ...stored, values, errors: { name: "name_taken" } }, status: 409 };
  }
  if (!updated.ok) return { view: { ...stored, values, actionError: "self_manage" }, status: 409 };
  return { redirect: `${ROLES_PATH}/${role.id}?notice=${updated.changed ? "updated" : "unchanged"}` };
}
