/** Practice console texts (shell), English. Same keys in both languages. */
export const consoleShellEn = {
  "console.title": "Practice console",
  "console.nav.label": "Practice console",
  "console.nav.clients": "Clients",
  "console.nav.questionnaires": "Questionnaires",
  "console.nav.staff": "Staff",
  "console.nav.roles": "Roles",
  "console.nav.settings": "Settings",
  "console.nav.audit": "Audit log",
  "console.sign_out": "Sign out",
  "console.signed_in_as": "Signed in as {name}",
  "console.forbidden.title": "No permission",
  "console.forbidden.body": "You do not have permission for this page. Ask an admin of your practice.",
  "console.welcome": "Welcome, {name}",
} as const;
