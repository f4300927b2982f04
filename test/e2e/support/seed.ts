// Practices and clients of db/seed/demo.sql, which the e2e server loads into fresh state. The portal
// sends at most 5 sign-in emails per address per hour and accepts 30 sign-in requests per IP address
// per 10 minutes, and a throttled request fails only by its email never arriving. So tests spread
// their sign-ins over these clients: at most 3 per client, 16 requests in all to the demo practice.

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
