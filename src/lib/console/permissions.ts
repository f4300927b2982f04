/** Every permission a role can grant. Each console action checks one of these on the server. */
export const PERMISSIONS = [
  "clients.read",
  "clients.read.all",
  "clients.create",
  "clients.update",
  "portal.access.manage",
  "documents.expose",
  "forms.assign",
  "forms.manage",
  "forms.read_answers",
  "staff.manage",
  "practice.settings.update",
  "audit.read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (PERMISSIONS as readonly string[]).includes(value);
}

export const SYSTEM_ROLE_KEYS = ["admin", "practitioner", "secretary"] as const;
export type SystemRoleKey = (typeof SYSTEM_ROLE_KEYS)[number];

/** The roles every practice starts with; they cannot be deleted. */
export const SYSTEM_ROLES: Record<SystemRoleKey, { name: { nl: string; en: string }; permissions: Permission[] }> = {
  admin: { name: { nl: "Beheerder", en: "Admin" }, permissions: [...PERMISSIONS] },
  practitioner: {
    name: { nl: "Behandelaar", en: "Practitioner" },
    permissions: [
      "clients.read",
      "clients.create",
      "clients.update",
      "portal.access.manage",
      "documents.expose",
      "forms.assign",
      "forms.read_answers",
    ],
  },
  secretary: {
    name: { nl: "Secretariaat", en: "Secretary" },
    permissions: ["clients.read", "clients.read.all", "clients.create", "clients.update", "portal.access.manage"],
  },
};
