import { AUDIT_ACTIONS } from "../../audit/events";
import { DICTIONARIES, type MessageKey, type Translate } from "../../i18n/translate";
import type { AuditRow } from "./query";

/** Returns the dictionary key of an action's readable label, or null when the dictionary has none. */
function actionLabelKey(action: string): MessageKey | null {
  const key = `console.audit.action.${action}`;
  return Object.hasOwn(DICTIONARIES.en, key) ? (key as MessageKey) : null;
}

/** Returns the readable label of an action; an action without one shows its stable name. */
export function auditActionLabel(t: Translate, action: string): string {
  const key = actionLabelKey(action);
  return key ? t(key) : action;
}

/** Lists every action with its label, sorted by label, for the action filter. */
export function auditActionOptions(t: Translate): { value: string; label: string }[] {
  return AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabel(t, action) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
}

function personName(firstName: string | null, lastName: string | null): string | null {
  return firstName === null ? null : `${firstName} ${lastName ?? ""}`.trim();
}

/** Returns who did it: the client's or staff member's name, the system, or an unknown visitor. */
export function auditActorLabel(t: Translate, row: AuditRow): string {
  if (row.actorType === "client") {
    const name = personName(row.actorClientFirstName, row.actorClientLastName);
    return name
      ? t("console.audit.actor.client", { name })
      : t("console.audit.actor.removed", { id: row.actorId ?? "" });
  }
  if (row.actorType === "staff") {
    return row.actorStaffName
      ? t("console.audit.actor.staff", { name: row.actorStaffName })
      : t("console.audit.actor.removed", { id: row.actorId ?? "" });
  }
  return row.actorType === "system" ? t("console.audit.actor.system") : t("console.audit.actor.anonymous");
}

export interface AuditTarget {
  label: string;
  /** Console page of the record, where one exists. */
  href: string | null;
}

/** Returns which record the event is about, named where the record still exists; null for none. */
export function auditTarget(t: Translate, row: AuditRow): AuditTarget | null {
  if (!row.targetType || !row.targetId) return null;

  const id = row.targetId;
  const clientName = personName(row.targetClientFirstName, row.targetClientLastName);
  if (row.targetType === "client" && clientName) {
    return {
      label: t("console.audit.target.client", { name: clientName }),
      href: `/practice/clients/${encodeURIComponent(id)}`,
    };
  }
  if (row.targetType === "staff" && row.targetStaffName) {
    return { label: t("console.audit.actor.staff", { name: row.targetStaffName }), href: null };
  }
  if (row.targetType === "document" && row.targetDocumentName) {
    return { label: t("console.audit.target.document", { name: row.targetDocumentName }), href: null };
  }
  if (row.targetType === "assignment" && row.targetAssignmentTitle) {
    return { label: t("console.audit.target.assignment", { name: row.targetAssignmentTitle }), href: null };
  }
  if (row.targetType === "sign_in_request") return { label: t("console.audit.target.sign_in_request"), href: null };
  return { label: t("console.audit.target.other", { type: row.targetType, id }), href: null };
}
