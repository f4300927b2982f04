import { and, eq, isNull, sql } from "drizzle-orm";

import {
  clients,
  type Practice,
  practices,
  rolePermissions,
  type Session,
  sessions,
  staffMembers,
  staffRoles,
} from "../../../db/schema";
import { checkSession, sessionIdFromToken } from "../auth/session";
import { clientSubject, type SignInSubject } from "../auth/subjects";
import { type StaffContext, staffContextFrom } from "../console/staff-context";
import type { Database } from "../db/client";
import { parseHost, type TenancyConfig } from "../tenancy/practice";

export interface RequestIdentity {
  practice: Practice | null;
  client: { session: Session; subject: SignInSubject } | null;
  staff: (StaffContext & { session: Session }) | null;
}

interface IdentityInput {
  hostHeader: string;
  tenancy: TenancyConfig;
  /** Token from the session cookie of the request's area (portal or console), if any. */
  sessionToken: string | undefined;
  area: "portal" | "console";
  now: Date;
  /** Whether this request counts as activity that postpones the idle timeout. */
  touch: boolean;
}

/**
 * Loads the practice of the host, the session and its client or staff member (with permissions)
 * in one D1 round trip. The subject queries select through the session's `subject_id`, so nothing
 * has to be read first. The practice and expiry checks run afterwards on the loaded rows. Only an
 * expired session or a due idle refresh costs a second statement.
 */
export async function loadRequestIdentity(db: Database, input: IdentityInput): Promise<RequestIdentity> {
  const none: RequestIdentity = { practice: null, client: null, staff: null };
  const lookup = parseHost(input.hostHeader, input.tenancy);
  if (!lookup) return none;

  const practiceCondition =
    lookup.kind === "slug" ? eq(practices.slug, lookup.slug) : eq(practices.customHost, lookup.host);
  const sessionId = input.sessionToken ? sessionIdFromToken(input.sessionToken) : "";
  const subjectType = input.area === "console" ? "staff" : "client";
  const subjectId = sql`(SELECT subject_id FROM sessions WHERE id = ${sessionId} AND subject_type = ${subjectType})`;

  const [practiceRows, sessionRows, clientRows, staffRows, grantRows] = await db.batch([
    db.select().from(practices).where(practiceCondition),
    db.select().from(sessions).where(eq(sessions.id, sessionId)),
    db
      .select()
      .from(clients)
      .where(
        and(
          eq(clients.id, input.area === "portal" ? subjectId : sql`NULL`),
          eq(clients.portalAccess, true),
          isNull(clients.archivedAt),
        ),
      ),
    db
      .select()
      .from(staffMembers)
      .where(eq(staffMembers.id, input.area === "console" ? subjectId : sql`NULL`)),
    db
      .select({ roleId: staffRoles.roleId, permission: rolePermissions.permission })
      .from(staffRoles)
      .leftJoin(rolePermissions, eq(rolePermissions.roleId, staffRoles.roleId))
      .where(eq(staffRoles.staffId, input.area === "console" ? subjectId : sql`NULL`)),
  ]);

  const practice = practiceRows[0] ?? null;
  if (!practice) return none;

  const session = await checkSession(db, sessionRows[0] ?? null, practice, subjectType, input.now, {
    touch: input.touch,
  });
  if (!session) return { practice, client: null, staff: null };

  if (input.area === "portal") {
    const client = clientRows[0];
    const valid = client && client.practiceId === practice.id;
    return { practice, client: valid ? { session, subject: clientSubject(client) } : null, staff: null };
  }

  const member = staffRows[0];
  const staff = member && member.practiceId === practice.id ? staffContextFrom(member, grantRows) : null;
  return { practice, client: null, staff: staff ? { ...staff, session } : null };
}
