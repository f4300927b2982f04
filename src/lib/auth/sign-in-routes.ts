import type { SubjectType } from "../../../db/schema";

/** Where each kind of user signs in and lands afterwards. */
export const SIGN_IN_ROUTES: Record<SubjectType, { base: string; home: string }> = {
  client: { base: "/login", home: "/dashboard" },
  staff: { base: "/practice/login", home: "/practice" },
};
