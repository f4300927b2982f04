import { eq } from "drizzle-orm";
import type { SubjectType } from "../../../db/schema";
import { type Session, sessions } from "../../../db/schema";
import { auditEventStatement } from "../audit/events";
import type { Database } from "../db/client";
import { invalidateSubjectSessionsStatement } from "./session";

/**
 * Ends one session, or with `allDevices` every session of its subject, and records the sign-out in
 * the same batch.
 */
export async function signOut(
  db: Database,
  input: { session: Session; subjectType: SubjectType; allDevices: boolean; ipAddress: string; now: Date },
): Promise<void> {
  const { session } = input;
  const end = input.allDevices
    ? invalidateSubjectSessionsStatement(db, session.practiceId, input.subjectType, session.subjectId)
    : db.delete(sessions).where(eq(sessions.id, session.id));

  await db.batch([
    end,
    auditEventStatement(db, {
      practiceId: session.practiceId,
      actorType: input.subjectType,
      actorId: session.subjectId,
      action: input.allDevices ? "auth.sign_out.all_devices" : "auth.sign_out",
      ipAddress: input.ipAddress,
      at: input.now,
    }),
  ]);
  console.info(
    `[auth] signed out practice=${session.practiceId} ${input.subjectType}=${session.subjectId} all_devices=${input.allDevices}`,
  );
}
