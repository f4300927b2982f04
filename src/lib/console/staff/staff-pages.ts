import { env } from "cloudflare:workers";
import type { APIContext } from "astro";

import { getDb } from "../../db/client";
import { mailTransportFromEnv } from "../../mail/deliver";
import { tenancyConfigFromEnv } from "../../tenancy/practice";
import { clientIpAddress, formText, readForm } from "../../web/request";
import { listRoles, type RoleSummary } from "../roles/roles";
import type { ConsolePageResult } from "../settings/page-result";
import type { StaffContext } from "../staff-context";
import { type AccessError, changeStaffRoles, deactivateStaffMember, reactivateStaffMember } from "./access";
import type { StaffActor } from "./actor";
import { type InviteDependencies, inviteStaffMember, resendStaffInvitation } from "./invite";
import {
  type InviteFormErrors,
  type InviteFormValues,
  readInviteForm,
  readRoleIds,
  validateInviteForm,
} from "./invite-form";
import { findStaffMember, listStaffMembers, type StaffMemberWithRoles } from "./staff-members";

type PageContext = Pick<APIContext, "request" | "url" | "locals" | "params">;

export const STAFF_PATH = "/practice/staff";

export interface StaffListView {
  members: StaffMemberWithRoles[];
  roles: RoleSummary[];
  invite: { values: InviteFormValues; errors: InviteFormErrors };
  /** Confirmation of an invitation, naming the new staff member. */
  notice: { kind: "invited" | "invited_without_mail"; name: string; email: string } | null;
}

const MEMBER_NOTICES = ["roles_saved", "roles_unchanged", "deactivated", "reactivated", "invitation_sent"] as const;
export type MemberNotice = (typeof MEMBER_NOTICES)[number];
export type MemberError = AccessError | "invitation_failed" | "inactive";

export interface MemberView {
  member: StaffMemberWithRoles;
  roles: RoleSummary[];
  /** Role ids to show checked: the stored ones, or the submitted ones after a rejected change. */
  checkedRoleIds: string[];
  isSelf: boolean;
  error: MemberError | null;
  notice: MemberNotice | null;
}

const ERROR_STATUS: Record<MemberError, number> = {
  roles_invalid: 400,
  self_manage: 409,
  self_deactivate: 409,
  last_admin: 409,
  invitation_failed: 502,
  inactive: 409,
};

function actorOf(context: PageContext, staff: StaffContext): StaffActor {
  return { staff, ipAddress: clientIpAddress(context.request), now: context.locals.now };
}

function inviteDependencies(): InviteDependencies {
  return { db: getDb(), transport: mailTransportFromEnv(env), tenancy: tenancyConfigFromEnv(env) };
}

/** Lists the staff (GET) or invites a new staff member (POST). */
export async function staffListPage(
  context: PageContext,
  staff: StaffContext,
): Promise<ConsolePageResult<StaffListView>> {
  const db = getDb();
  const practiceId = staff.member.practiceId;
  const [members, roles] = await Promise.all([listStaffMembers(db, practiceId), listRoles(db, practiceId)]);
  const blankInvite: InviteFormValues = {
    name: "",
    email: "",
    locale: context.locals.practice.defaultLocale,
    roleIds: [],
  };
  const view: StaffListView = { members, roles, invite: { values: blankInvite, errors: {} }, notice: null };

  if (context.request.method !== "POST") {
    const notice = context.url.searchParams.get("notice");
    const invited = members.find((member) => member.id === context.url.searchParams.get("staff"));
    if (invited && (notice === "invited" || notice === "invited_without_mail")) {
      view.notice = { kind: notice, name: invited.name, email: invited.email };
    }
    return { view, status: 200 };
  }

  const form = await readForm(context.request);
  if (!form) return { view, status: 400 };
  const values = readInviteForm(form);
  const parsed = validateInviteForm(values, roles);
  if (!parsed.ok) return { view: { ...view, invite: { values, errors: parsed.errors } }, status: 400 };

  const result = await inviteStaffMember(
    inviteDependencies(),
    actorOf(context, staff),
    context.locals.practice,
    parsed.invitation,
  );
  if (!result.ok) return { view: { ...view, invite: { values, errors: { email: "email_taken" } } }, status: 409 };
  return {
    redirect: `${STAFF_PATH}?notice=${result.delivered ? "invited" : "invited_without_mail"}&staff=${result.staffId}`,
  };
}

/**
 * Shows one staff member (GET) or changes them (POST, by `intent`): `roles` replaces their roles,
 * `deactivate` and `reactivate` switch their access, `resend` sends the invitation again.
 */
export async function memberPage(context: PageContext, staff: StaffContext): Promise<ConsolePageResult<MemberView>> {
  const db = getDb();
  const practiceId = staff.member.practiceId;
  const [member, roles] = await Promise.all([
    findStaffMember(db, practiceId, context.params.id ?? ""),
    listRoles(db, practiceId),
  ]);
  if (!member) return { notFound: true };

  const view: MemberView = {
    member,
    roles,
    checkedRoleIds: member.roleIds,
    isSelf: member.id === staff.member.id,
    error: null,
    notice: null,
  };
  if (context.request.method !== "POST") {
    const notice = context.url.searchParams.get("notice");
    return { view: { ...view, notice: MEMBER_NOTICES.find((known) => known === notice) ?? null }, status: 200 };
  }

  const form = await readForm(context.request);
  if (!form) return { view, status: 400 };
  const intent = formText(form, "intent");
  const actor = actorOf(context, staff);
  const memberPath = `${STAFF_PATH}/${member.id}`;

  if (intent === "resend") {
    if (!member.active) return { view: { ...view, error: "inactive" }, status: ERROR_STATUS.inactive };
    const delivered = await resendStaffInvitation(inviteDependencies(), actor, context.locals.practice, member);
    if (!delivered) return { view: { ...view, error: "invitation_failed" }, status: ERROR_STATUS.invitation_failed };
    return { redirect: `${memberPath}?notice=invitation_sent` };
  }

  if (intent === "reactivate") {
    await reactivateStaffMember(db, actor, member);
    return { redirect: `${memberPath}?notice=reactivated` };
  }

  if (intent === "deactivate") {
    const result = await deactivateStaffMember(db, actor, roles, member);
    if (!result.ok) return { view: { ...view, error: result.error }, status: ERROR_STATUS[result.error] };
    return { redirect: `${memberPath}?notice=deactivated` };
  }

  const roleIds = readRoleIds(form);
  const result = await changeStaffRoles(db, actor, roles, member, roleIds);
  if (!result.ok) {
    return { view: { ...view, checkedRoleIds: roleIds, error: result.error }, status: ERROR_STATUS[result.error] };
  }
  return { redirect: `${memberPath}?notice=${result.changed ? "roles_saved" : "roles_unchanged"}` };
}
