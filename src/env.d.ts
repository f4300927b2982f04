/// <reference types="astro/client" />

type Practice = import("../db/schema").Practice;
type Session = import("../db/schema").Session;
type Locale = import("./lib/i18n/locales").Locale;
type Translate = import("./lib/i18n/translate").Translate;
type SignInSubject = import("./lib/auth/subjects").SignInSubject;
type StaffContext = import("./lib/console/staff-context").StaffContext;

declare namespace App {
  interface Locals {
    /** Practice that the request's host belongs to; every page and query is scoped by it. */
    practice: Practice;
    locale: Locale;
    t: Translate;
    /** The instant this request is handled at; domain code takes it instead of reading the clock. */
    now: Date;
    /** The signed-in client, or null on public pages. */
    client: { session: Session; subject: SignInSubject } | null;
    /** The signed-in staff member with their permissions, on `/practice` pages; else null. */
    staff: (StaffContext & { session: Session }) | null;
  }
}
