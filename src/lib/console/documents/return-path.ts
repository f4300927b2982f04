/**
 * Returns where a form on a client's page sends the staff member back to: the path the form
 * names when it is one of this client's console pages, else the client page. Only these fixed
 * paths are accepted, so the field cannot redirect anywhere else.
 */
export function clientReturnPath(clientId: string, requested: string | null | undefined): string {
  const base = `/practice/clients/${encodeURIComponent(clientId)}`;
  const allowed = [base, `${base}/documents`, `${base}/questionnaires`];
  return requested && allowed.includes(requested) ? requested : base;
}

/** Adds a notice parameter and the section's fragment to a return path. */
export function withNotice(path: string, parameter: string, notice: string, fragment: string): string {
  return `${path}?${parameter}=${encodeURIComponent(notice)}#${fragment}`;
}
