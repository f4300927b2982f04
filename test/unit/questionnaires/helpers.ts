import { readFileSync } from "node:fs";

import { expect } from "vitest";

import { type ImportIssue, importQuestionnaire, type Questionnaire } from "../../../src/lib/questionnaires";

/** Reads a questionnaire fixture as JSON text, exactly as saved. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/questionnaires/${name}`, import.meta.url), "utf8");
}

/** Imports `json` and fails the test with the report when the import is rejected. */
export function importOrFail(json: unknown): { questionnaire: Questionnaire; report: ImportIssue[] } {
  const result = importQuestionnaire(json);
  if (!result.ok) expect.fail(`import rejected: ${JSON.stringify(result.report, null, 2)}`);
  return result;
}

/** Returns the paths of the report lines with `severity`, in report order. */
export function pathsOf(report: ImportIssue[], severity: "error" | "warning" = "error"): string[] {
  return report.filter((issue) => issue.severity === severity).map((issue) => issue.path);
}

/** Wraps items in a minimal valid Questionnaire resource. */
export function questionnaireJson(items: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { resourceType: "Questionnaire", status: "active", url: "https://example.org/q", ...extra, item: items };
}
