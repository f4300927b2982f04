import { type AuditAction, auditEventStatement } from "../../audit/events";
import type { Database } from "../../db/client";
import type { StaffContext } from "../staff-context";

/** The staff member acting in the console, with what each audit event records about the request. */
export interface StaffActor {
  staff: StaffContext;
  ipAddress: string;
  now: Date;
}

/** Builds the audit event of a staff action on a staff member or a role. */
export function staffAuditStatement(
  db: Database,
  actor: StaffActor,
  action: AuditAction,
  target: { type: "staff_member" | "role"; id: string },
  detail?: Record<string, string | number | boolean>,
) {
  return auditEventStatement(db, {
    practiceId: actor.staff.member.practiceId,
    actorType: "staff",
    actorId: actor.staff.member.id,
    action,
    targetType: target.type,
    targetId: target.id,
    detail,
    ipAddress: actor.ipAddress,
    at: actor.now,
  });
}
