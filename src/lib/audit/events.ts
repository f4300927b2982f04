import { type AUDIT_ACTOR_TYPES, auditEvents } from "../../../db/schema";
import { type Database, newId } from "../db/client";

/** Every audited action; stable strings that the audit log viewer filters on. */
export const AUDIT_ACTIONS = [
  "auth.sign_in.requested",
  "auth.sign_in.succeeded",
  "auth.sign_in.failed",
  "auth.sign_out",
  "auth.sign_out.all_devices",
  "document.viewed",
  "document.downloaded",
  "document.acknowledged",
  "questionnaire.draft_saved",
  "questionnaire.submitted",
  "client.created",
  "client.updated",
  "client.archived",
  "client.restored",
  "portal_access.granted",
  "portal_access.revoked",
  "client.invited",
  "client.staff_assigned",
  "client.staff_unassigned",
  "practice.settings_updated",
  "staff.invited",
  "staff.roles_changed",
  "staff.deactivated",
  "staff.reactivated",
  "role.created",
  "role.updated",
  "role.deleted",
  "document.uploaded",
  "document.shared",
  "document.unshared",
  "document.acknowledgement_requested",
  "questionnaire.assigned",
  "questionnaire.withdrawn",
  "questionnaire.response_viewed",
  "questionnaire.response_exported",
  "questionnaire.imported",
  "questionnaire.status_changed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventInput {
  practiceId: string;
  actorType: (typeof AUDIT_ACTOR_TYPES)[number];
  actorId?: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  /** Non-secret details; never a token, a code, an email address or questionnaire answers. */
  detail?: Record<string, string | number | boolean>;
  ipAddress?: string | null;
  at: Date;
}

/** Builds the insert of one audit event, to run alone or inside a batch with the change it records. */
export function auditEventStatement(db: Database, event: AuditEventInput) {
  return db.insert(auditEvents).values({
    id: newId(),
    practiceId: event.practiceId,
    actorType: event.actorType,
    actorId: event.actorId ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    detail: event.detail ? JSON.stringify(event.detail) : null,
    ipAddress: event.ipAddress ?? null,
    createdAt: event.at,
  });
}
