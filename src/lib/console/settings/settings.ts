import { eq } from "drizzle-orm";

import { type Practice, practices } from "../../../../db/schema";
import { auditEventStatement } from "../../audit/events";
import type { Database } from "../../db/client";
import { changedSettingsFields, type PracticeSettings, type SettingsField } from "./settings-form";

export interface SettingsChange {
  practice: Practice;
  staffId: string;
  settings: PracticeSettings;
  ipAddress: string;
  now: Date;
}

/**
 * Stores the practice settings and records `practice.settings_updated` with the names of the
 * changed fields (never their values) in the same batch. Returns the changed fields; when none
 * changed, nothing is written.
 */
export async function updatePracticeSettings(db: Database, change: SettingsChange): Promise<SettingsField[]> {
  const { practice } = change;
  const changed = changedSettingsFields(practice, change.settings);
  if (changed.length === 0) return changed;

  await db.batch([
    db.update(practices).set(change.settings).where(eq(practices.id, practice.id)),
    auditEventStatement(db, {
      practiceId: practice.id,
      actorType: "staff",
      actorId: change.staffId,
      action: "practice.settings_updated",
      targetType: "practice",
      targetId: practice.id,
      detail: { fields: changed.join(",") },
      ipAddress: change.ipAddress,
      at: change.now,
    }),
  ]);
  console.info(`[console] practice settings updated practice=${practice.id} staff=${change.staffId}`);
  return changed;
}
