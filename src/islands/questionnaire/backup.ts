import type { AnswerSet } from "../../lib/questionnaires";

/**
 * Unsaved answers kept in the tab's sessionStorage, so answers typed after the session expired
 * survive signing in again. sessionStorage belongs to one tab and is cleared when it closes, so a
 * shared computer does not keep them.
 */
function key(assignmentId: string): string {
  return `veranda:answers:${assignmentId}`;
}

export function writeBackup(assignmentId: string, answers: AnswerSet): void {
  try {
    sessionStorage.setItem(key(assignmentId), JSON.stringify(answers));
  } catch {
    // Storage can be full or disabled; the answers are still in the page.
  }
}

export function readBackup(assignmentId: string): AnswerSet | null {
  try {
    const stored = sessionStorage.getItem(key(assignmentId));
    if (!stored) return null;
    const answers: unknown = JSON.parse(stored);
    return typeof answers === "object" && answers !== null && !Array.isArray(answers) ? (answers as AnswerSet) : null;
  } catch {
    return null;
  }
}

export function clearBackup(assignmentId: string): void {
  try {
    sessionStorage.removeItem(key(assignmentId));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
