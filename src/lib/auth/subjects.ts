import { and, eq, isNull } from "drizzle-orm";

import { type Client, clients, type SubjectType, staffMembers } from "../../../db/schema";
import type { Database } from "../db/client";

/** Someone who may sign in: a client with portal access or an active staff member. */
export interface SignInSubject {
  id: string;
  email: string;
  /** Name used to greet them in emails and pages. */
  displayName: string;
  locale: string | null;
}

const MAX_EMAIL_LENGTH = 254;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Returns the address trimmed and lower-cased when it looks like an email address, else null. */
export function normalizeEmail(input: unknown): string | null {
  if (typeof input !== "string") return null;

  const email = input.trim().toLowerCase();
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH) return null;
  return EMAIL_PATTERN.test(email) ? email : null;
}

/** Returns a client row as a sign-in subject: greeted by their preferred name. */
export function clientSubject(client: Client): SignInSubject {
  return {
    id: client.id,
    email: client.email,
    displayName: client.preferredName ?? client.firstName,
    locale: client.locale,
  };
}

/** Finds who may sign in with `email` in this practice, or null (unknown, no access, archived). */
export async function findSignInSubject(
  db: Database,
  practiceId: string,
  subjectType: SubjectType,
  email: string,
): Promise<SignInSubject | null> {
  if (subjectType === "client") {
    const client = await db
      .select()
      .from(clients)
      .where(
        and(
          eq(clients.practiceId, practiceId),
          eq(clients.email, email),
          eq(clients.portalAccess, true),
          isNull(clients.archivedAt),
        ),
      )
      .get();
    return client ? clientSubject(client) : null;
  }

  const staff = await db
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.practiceId, practiceId), eq(staffMembers.email, email), eq(staffMembers.active, true)))
    .get();
  if (!staff) return null;
  return { id: staff.id, email: staff.email, displayName: staff.name, locale: staff.locale };
}

/**
 * Finds a subject by id within a practice. With `mayUsePortal` a client must still have portal
 * access and not be archived, so a session of a client who lost access is worthless even if it
 * was not deleted.
 */
export async function findSubjectById(
  db: Database,
  practiceId: string,
  subjectType: SubjectType,
  subjectId: string,
  options: { mayUsePortal?: boolean } = {},
): Promise<SignInSubject | null> {
  if (subjectType === "client") {
    const access = options.mayUsePortal ? and(eq(clients.portalAccess, true), isNull(clients.archivedAt)) : undefined;
    const client = await db
      .select()
      .from(clients)
      .where(and(eq(clients.practiceId, practiceId), eq(clients.id, subjectId), access))
      .get();
    return client ? clientSubject(client) : null;
  }

  const staff = await db
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.practiceId, practiceId), eq(staffMembers.id, subjectId)))
    .get();
  if (!staff) return null;
  return { id: staff.id, email: staff.email, displayName: staff.name, locale: staff.locale };
}
