// Practices and clients of db/seed/demo.sql, which the e2e server loads into fresh state. The portal
// sends at most 5 sign-in emails per address per hour and accepts 30 sign-in requests per IP address
// per 10 minutes, and a throttled request fails only by its email never arriving. So tests spread
// their sign-ins over these clients, and the tests of the portal pages sign each client in once per
// run and share the session (support/session.ts). Per run, the demo practice receives at most 26
// requests. The portal tests make 22: Sanne 4, Daan 3, Joëlle 3, Fenna 3, Lotte (PAGING_CLIENT) 1,
// Mila (FORM_CLIENT) 1, Ruben (EXPIRY_CLIENT) 2, and 5 for an address without portal access, which
// is at its limit of 5. The console tests keep each staff session for the run
// (support/console-session.ts) and make at most 4: staff Eva 2, staff Ilse 1, and 1 for the client
// that console-journey.test.ts creates. Eva signs in twice when another console file runs before
// console-journey.test.ts, which always signs her in.

export const DEMO_PRACTICE = { slug: "demo", name: "Praktijk De Linde" } as const;
export const ZONNEHUIS_PRACTICE = { slug: "zonnehuis", name: "Psychologenpraktijk Het Zonnehuis" } as const;

export const CLIENTS = {
  /** Dutch. */
  sanne: { id: "cli_sanne", email: "sanne@example.nl", greetingName: "Sanne" },
  /** English. */
  daan: { id: "cli_daan", email: "daan@example.com", greetingName: "Daan" },
  /** No language of her own, so pages follow the visitor's choice; preferred name "Jo". */
  joelle: { id: "cli_joelle", email: "joelle@example.nl", greetingName: "Jo" },
  /** Dutch. */
  fenna: { id: "cli_fenna", email: "fenna@example.nl", greetingName: "Fenna" },
  /** Client of Het Zonnehuis, not of the demo practice. */
  bram: { id: "cli_bram_z", email: "bram@example.nl", greetingName: "Bram" },
} as const;

/** Matches a greeting of the overview page for `name`, whatever the time of day. */
export function dutchGreeting(name: string): RegExp {
  return new RegExp(`^(Goedemorgen|Goedemiddag|Goedenavond), ${name}$`);
}

export function englishGreeting(name: string): RegExp {
  return new RegExp(`^Good (morning|afternoon|evening), ${name}$`);
}

/**
 * A Dutch client that document-paging.test.ts adds to the demo practice, with enough shared
 * documents to fill more than one page of the document list. No other test uses her.
 */
export const PAGING_CLIENT = {
  id: "cli_e2e_lotte",
  email: "lotte@example.nl",
  firstName: "Lotte",
  lastName: "Visser",
  greetingName: "Lotte",
} as const;

/** Documents of the demo seed (scripts/seed/demo-content.mjs) that tests open by id. */
export const DOCUMENTS = {
  /** Sanne's; shared with a request to acknowledge it, and a name that needs RFC 5987 encoding. */
  treatmentPlan: { id: "doc_demo_plan", fileName: "Behandelplan – Jänsen (déf).pdf" },
  /** Sanne's; uploaded but never shared, so she must not see it. */
  unsharedDraft: { id: "doc_demo_draft", fileName: "Concept eindverslag.pdf" },
  /** Joëlle's only document. */
  joelleWelcome: { id: "doc_demo_jo", fileName: "Welkom bij Praktijk De Linde.pdf" },
} as const;

/**
 * A Dutch client that the questionnaire tests add to the demo practice and assign their
 * questionnaires to, so that submitting them changes nothing other tests read. Her session is
 * shared by those test files.
 */
export const FORM_CLIENT = {
  id: "cli_e2e_mila",
  email: "mila@example.nl",
  firstName: "Mila",
  lastName: "de Boer",
  greetingName: "Mila",
} as const;

/**
 * A Dutch client whose sessions questionnaire-session-expiry.test.ts deletes while a form is open.
 * No other test signs in as this client, because deleting the sessions would end theirs too.
 */
export const EXPIRY_CLIENT = {
  id: "cli_e2e_ruben",
  email: "ruben@example.nl",
  firstName: "Ruben",
  lastName: "Smit",
  greetingName: "Ruben",
} as const;
