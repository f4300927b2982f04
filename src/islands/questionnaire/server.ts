import type { AnswerSet, FieldError } from "../../lib/questionnaires";

export type SaveOutcome =
  | { kind: "saved"; revision: number }
  | { kind: "conflict"; revision: number }
  | { kind: "signed_out" }
  | { kind: "not_pending" }
  | { kind: "failed" };

export type SubmitOutcome =
  | { kind: "submitted" }
  | { kind: "invalid"; errors: FieldError[] }
  | { kind: "signed_out" }
  | { kind: "not_pending" }
  | { kind: "failed" };

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Saves a draft. `keepalive` lets the request finish while the page is being left. Network
 * failures and server errors come back as `failed`, for the caller to retry.
 */
export async function putDraft(
  assignmentId: string,
  body: { baseRevision: number; answers: AnswerSet },
  keepalive = false,
): Promise<SaveOutcome> {
  try {
    const response = await fetch(`/api/forms/${encodeURIComponent(assignmentId)}/draft`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body),
      keepalive,
    });
    const json = await readJson(response);
    if (response.ok && typeof json.revision === "number") return { kind: "saved", revision: json.revision };
    if (response.status === 401) return { kind: "signed_out" };
    if (response.status === 409 && typeof json.revision === "number")
      return { kind: "conflict", revision: json.revision };
    if (response.status === 409 || response.status === 404) return { kind: "not_pending" };
    return { kind: "failed" };
  } catch {
    return { kind: "failed" };
  }
}

export async function postSubmission(assignmentId: string, answers: AnswerSet): Promise<SubmitOutcome> {
  try {
    const response = await fetch(`/api/forms/${encodeURIComponent(assignmentId)}/submit`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ answers }),
    });
    const json = await readJson(response);
    if (response.ok) return { kind: "submitted" };
    if (response.status === 401) return { kind: "signed_out" };
    if (response.status === 422 && Array.isArray(json.errors))
      return { kind: "invalid", errors: json.errors as FieldError[] };
    if (response.status === 409 || response.status === 404) return { kind: "not_pending" };
    return { kind: "failed" };
  } catch {
    return { kind: "failed" };
  }
}
