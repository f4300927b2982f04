/** Practice console texts (shell), Dutch. Same keys in both languages. */
export const consoleShellNl = {
  "console.title": "Praktijkomgeving",
  "console.nav.label": "Praktijkomgeving",
  "console.nav.clients": "Cliënten",
  "console.nav.questionnaires": "Vragenlijsten",
  "console.nav.staff": "Medewerkers",
  "console.nav.roles": "Rollen",
  "console.nav.settings": "Instellingen",
  "console.nav.audit": "Logboek",
  "console.sign_out": "Uitloggen",
  "console.signed_in_as": "Ingelogd als {name}",
  "console.forbidden.title": "Geen toestemming",
  "console.forbidden.body": "Je hebt geen toestemming voor deze pagina. Vraag het een beheerder van je praktijk.",
  "console.welcome": "Welkom, {name}",
} as const;
