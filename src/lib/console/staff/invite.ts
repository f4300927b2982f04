import { and, eq } from "drizzle-orm";

import { type Practice, staffMembers, staffRoles } from "../../../../db/schema";
import { SIGN_IN_ROUTES } from "../../auth/sign-in-routes";
import { type BatchStatement, runBatch } from "../../db/batch";
import { type Database, newId } from "../../db/client";
import { chooseLocale } from "../../i18n/negotiate";
import { mailBranding } from "../../mail/branding";
import { deliverMail } from "../../mail/deliver";
import type { MailTransport } from "../../mail/message";
import { practiceOrigin, type TenancyConfig } from "../../tenancy/practice";
import { type StaffActor, staffAuditStatement } from "./actor";
import type { StaffInvitation } from "./invite-form";
import { renderStaffInvitationMail } from "./invite-mail";
import { isUniqueViolation } from "./unique-violation";

export interface InviteDependencies {
  db: Database;
  transport: MailTransport;
  tenancy: TenancyConfig;
}

export type InviteResult = { ok: true; staffId: string; delivered: boolean } | { ok: false; error: "email_taken" };

/**
 * Emails a staff member the invitation to the console, in their language (else the practice
 * default). The link is the console's sign-in page on the practice's canonical origin, never one
 * built from the request's `Host` header. Returns whether the mail was delivered.
 */
export async function sendStaffInvitation(
  deps: InviteDependencies,
  actor: StaffActor,
  practice: Practice,
  member: { id: string; name: string; email: string; locale: string | null },
): Promise<boolean> {
  const message = renderStaffInvitationMail({
    locale: chooseLocale({
      subjectLocale: member.locale,
      cookieLocale: undefined,
      practiceDefault: practice.defaultLocale,
    }),
    branding: mailBranding(practice, deps.tenancy),
    practiceId: practice.id,
    recipient: { email: member.email, name: member.name },
    inviterName: actor.staff.member.name,
    loginUrl: `${practiceOrigin(practice, deps.tenancy)}${SIGN_IN_ROUTES.staff.base}`,
  });
  const delivered = await deliverMail(deps.transport, message);

  const outcome = delivered ? "sent" : "delivery_failed";
  console.info(`[console] staff invitation ${outcome} practice=${practice.id} staff=${member.id}`);
  return delivered;
}

/**
 * Stores a new active staff member with their roles and records `staff.invited` in one batch,
 * then sends the invitation. An address already used by a staff member of the practice is
 * rejected, also when two invitations race (the unique index decides).
 */
export async function inviteStaffMember(
  deps: InviteDependencies,
  actor: StaffActor,
  practice: Practice,
  invitation: StaffInvitation,
): Promise<InviteResult> {
  const { db } = deps;
  const existing = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(and(eq(staffMembers.practiceId, practice.id), eq(staffMembers.email, invitation.email)))
    .get();
  if (existing) return { ok: false, error: "email_taken" };

  const staffId = `stf_${newId()}`;
  const statements: BatchStatement[] = [
    db.insert(staffMembers).values({
      id: staffId,
      practiceId: practice.id,
      name: invitation.name,
      email: invitation.email,
      locale: invitation.locale,
      active: true,
      createdAt: actor.now,
    }),
    ...invitation.roleIds.map((roleId) => db.insert(staffRoles).values({ staffId, roleId, practiceId: practice.id })),
    staffAuditStatement(
      db,
      actor,
      "staff.invited",
      { type: "staff_member", id: staffId },
      { roles: invitation.roleIds.join(","), locale: invitation.locale },
    ),
  ];
  try {
    await runBatch(db, statements);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "email_taken" };
    throw error;
  }

  const delivered = await sendStaffInvitation(deps, actor, practice, { id: staffId, ...invitation });
  return { ok: true, staffId, delivered };
}

/** Sends the invitation of an existing active staff member again and records it as `staff.invited`. */
export async function resendStaffInvitation(
  deps: InviteDependencies,
  actor: StaffActor,
  practice: Practice,
  member: { id: string; name: string; email: string; locale: string | null },
): Promise<boolean> {
  const delivered = await sendStaffInvitation(deps, actor, practice, member);
  await staffAuditStatement(
    deps.db,
    actor,
    "staff.invited",
    { type: "staff_member", id: member.id },
    { resent: true, outcome: delivered ? "sent" : "delivery_failed" },
  );
  return delivered;
}
