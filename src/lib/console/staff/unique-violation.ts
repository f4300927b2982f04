/** Returns whether a D1 error is a unique index violation, such as a second row with a taken email address. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /UNIQUE constraint failed/i.test(`${error.message} ${String(error.cause ?? "")}`);
}
