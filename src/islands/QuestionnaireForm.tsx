import { useEffect, useMemo, useRef, useState } from "preact/hooks";

import type { FillLabels } from "../lib/forms/fill-labels";
import {
  type AnswerSet,
  type AnswerValue,
  enabledLinkIds,
  type FieldError,
  isQuestion,
  type Questionnaire,
  type QuestionnaireItem,
  validateAnswers,
} from "../lib/questionnaires";
import { clearBackup, readBackup, writeBackup } from "./questionnaire/backup";
import { Field } from "./questionnaire/Field";
import { fieldIds } from "./questionnaire/field-ids";
import { postSubmission, putDraft } from "./questionnaire/server";

/** Quiet time after the last keystroke before answers are saved, in milliseconds. */
const AUTOSAVE_DELAY_MS = 1500;
/** Waits between retries of a failed save, in milliseconds; the last one repeats. */
const RETRY_DELAYS_MS = [2000, 5000, 15000];

export interface QuestionnaireFormProps {
  assignmentId: string;
  questionnaire: Questionnaire;
  initialAnswers: AnswerSet;
  revision: number;
  /** "Saved at …" of the stored draft, formatted on the server, or null without a draft. */
  initialSavedAt: string | null;
  /** Errors of a submission the server rejected (forms posted without JavaScript). */
  initialErrors: FieldError[];
  locale: string;
  timeZone: string;
  loginHref: string;
  labels: FillLabels;
}

type SaveState =
  | { kind: "idle" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "retrying" }
  | { kind: "signed_out" }
  | { kind: "conflict"; revision: number }
  | { kind: "not_pending" };

function sameAnswers(left: AnswerSet, right: AnswerSet): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * Renders the fill-in form with the items that enableWhen enables. It saves drafts as the client
 * types (with revisions, retries and a backup for expired sessions) and submits after running the
 * same validation as the server. Without JavaScript the same markup posts to the page, which saves
 * or submits on the server.
 */
export default function QuestionnaireForm(props: QuestionnaireFormProps) {
  const { assignmentId, questionnaire, labels } = props;
  const [answers, setAnswers] = useState<AnswerSet>(props.initialAnswers);
  const [saveState, setSaveState] = useState<SaveState>(
    props.initialSavedAt ? { kind: "saved", at: props.initialSavedAt } : { kind: "idle" },
  );
  const [errors, setErrors] = useState<FieldError[]>(props.initialErrors);
  const [showErrors, setShowErrors] = useState(props.initialErrors.length > 0);
  const [submitting, setSubmitting] = useState(false);

  const answersRef = useRef(props.initialAnswers);
  const revisionRef = useRef(props.revision);
  const dirtyRef = useRef(false);
  const savingRef = useRef(false);
  const submittingRef = useRef(false);
  const timerRef = useRef<number | undefined>(undefined);
  const retryRef = useRef(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const ids = useMemo(() => fieldIds(questionnaire.items), [questionnaire]);
  const enabled = useMemo(() => enabledLinkIds(questionnaire, answers), [questionnaire, answers]);

  const formatTime = () =>
    new Intl.DateTimeFormat(props.locale, { timeStyle: "short", timeZone: props.timeZone }).format(new Date());

  const schedule = (delay: number) => {
    window.clearTimeout(timerRef.current);
    timerRef.current = window.setTimeout(() => void save(false), delay);
  };

  const save = async (keepalive: boolean) => {
    if (savingRef.current || !dirtyRef.current || submittingRef.current) return;
    savingRef.current = true;
    setSaveState({ kind: "saving" });

    const sent = answersRef.current;
    const outcome = await putDraft(assignmentId, { baseRevision: revisionRef.current, answers: sent }, keepalive);
    savingRef.current = false;

    if (outcome.kind === "saved") {
      revisionRef.current = outcome.revision;
      retryRef.current = 0;
      if (answersRef.current === sent) {
        dirtyRef.current = false;
        clearBackup(assignmentId);
      } else {
        schedule(AUTOSAVE_DELAY_MS);
      }
      setSaveState({ kind: "saved", at: formatTime() });
      return;
    }
    if (outcome.kind === "failed") {
      const delay = RETRY_DELAYS_MS[Math.min(retryRef.current, RETRY_DELAYS_MS.length - 1)] ?? AUTOSAVE_DELAY_MS;
      retryRef.current += 1;
      setSaveState({ kind: "retrying" });
      schedule(delay);
      return;
    }
    setSaveState(outcome);
  };

  useEffect(() => {
    // Answers typed before the session expired come back from this tab's backup.
    const backup = readBackup(assignmentId);
    if (backup && !sameAnswers(backup, props.initialAnswers)) {
      answersRef.current = backup;
      dirtyRef.current = true;
      setAnswers(backup);
      setSaveState({ kind: "unsaved" });
      schedule(0);
    }

    const flush = () => {
      if (document.visibilityState === "hidden") void save(true);
    };
    const leave = () => void save(true);
    document.addEventListener("visibilitychange", flush);
    window.addEventListener("pagehide", leave);
    return () => {
      document.removeEventListener("visibilitychange", flush);
      window.removeEventListener("pagehide", leave);
      window.clearTimeout(timerRef.current);
    };
  }, []);

  const change = (linkId: string, values: AnswerValue[]) => {
    const next: AnswerSet = { ...answersRef.current };
    if (values.length > 0) next[linkId] = values;
    else delete next[linkId];

    answersRef.current = next;
    dirtyRef.current = true;
    setAnswers(next);
    writeBackup(assignmentId, next);
    if (showErrors) setErrors(validateAnswers(questionnaire, next, "submit").errors);
    if (saveState.kind !== "signed_out" && saveState.kind !== "conflict" && saveState.kind !== "not_pending") {
      setSaveState({ kind: "unsaved" });
      schedule(AUTOSAVE_DELAY_MS);
    }
  };

  const keepMine = () => {
    if (saveState.kind !== "conflict") return;
    revisionRef.current = saveState.revision;
    dirtyRef.current = true;
    void save(false);
  };

  const loadTheirs = () => {
    clearBackup(assignmentId);
    window.location.reload();
  };

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const submit = async () => {
    if (submittingRef.current) return;
    const local = validateAnswers(questionnaire, answersRef.current, "submit");
    if (!local.ok) {
      setErrors(local.errors);
      setShowErrors(true);
      focusSummary();
      return;
    }

    submittingRef.current = true;
    setSubmitting(true);
    window.clearTimeout(timerRef.current);
    const outcome = await postSubmission(assignmentId, answersRef.current);
    if (outcome.kind === "submitted") {
      dirtyRef.current = false;
      clearBackup(assignmentId);
      window.location.assign(`/forms/${encodeURIComponent(assignmentId)}?submitted=1`);
      return;
    }

    submittingRef.current = false;
    setSubmitting(false);
    if (outcome.kind === "invalid") {
      setErrors(outcome.errors);
      setShowErrors(true);
      focusSummary();
    } else if (outcome.kind === "failed") {
      // Saves the answers as a draft while the network is down, so the client can submit again later.
      dirtyRef.current = true;
      setSaveState({ kind: "retrying" });
      schedule(RETRY_DELAYS_MS[0] ?? AUTOSAVE_DELAY_MS);
    } else {
      setSaveState(outcome);
    }
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const intent = (event.submitter as HTMLButtonElement | null)?.value;
    if (intent === "save") {
      dirtyRef.current = true;
      void save(false);
    } else {
      void submit();
    }
  };

  const errorFor = new Map(errors.map((error) => [error.linkId, labels.errors[error.code]]));
  const visibleErrors = showErrors ? errors.filter((error) => error.linkId === "" || enabled.has(error.linkId)) : [];

  const renderItems = (items: QuestionnaireItem[]) =>
    items.map((item) => {
      if (!enabled.has(item.linkId)) return null;
      if (item.type === "display") {
        return (
          <p key={item.linkId} class="display-item">
            {item.text}
          </p>
        );
      }
      if (item.type === "group") {
        const id = ids.get(item.linkId) ?? item.linkId;
        return (
          <section key={item.linkId} class="question-group" aria-labelledby={`${id}-title`}>
            {item.text && <h2 id={`${id}-title`}>{item.text}</h2>}
            {renderItems(item.items)}
          </section>
        );
      }
      if (!isQuestion(item)) return null;
      return (
        <div key={item.linkId}>
          <Field
            question={item}
            id={ids.get(item.linkId) ?? item.linkId}
            values={answers[item.linkId] ?? []}
            error={showErrors ? (errorFor.get(item.linkId) ?? null) : null}
            labels={labels}
            onChange={(values) => change(item.linkId, values)}
          />
          {item.items.length > 0 && <div class="question__children">{renderItems(item.items)}</div>}
        </div>
      );
    });

  const questionText = (linkId: string) => {
    if (linkId === "") return "";
    const walk = (items: QuestionnaireItem[]): string | undefined => {
      for (const item of items) {
        if (item.linkId === linkId) return item.text ?? linkId;
        const found = walk(item.items);
        if (found) return found;
      }
      return undefined;
    };
    return walk(questionnaire.items) ?? linkId;
  };

  return (
    <form method="post" action={`/forms/${encodeURIComponent(assignmentId)}`} noValidate onSubmit={onSubmit}>
      {visibleErrors.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>
            {(visibleErrors.length === 1 ? labels.errorsTitleOne : labels.errorsTitleOther).replace(
              "{count}",
              String(visibleErrors.length),
            )}
          </h2>
          <ul>
            {visibleErrors.map((error) => (
              <li key={error.linkId}>
                {error.linkId === "" ? (
                  labels.errors[error.code]
                ) : (
                  <a href={`#${ids.get(error.linkId) ?? ""}`}>
                    {questionText(error.linkId)}: {labels.errors[error.code]}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {renderItems(questionnaire.items)}

      <input type="hidden" name="revision" value={String(revisionRef.current)} />
      <div class="form-actions">
        <SaveStatus
          state={saveState}
          labels={labels}
          loginHref={props.loginHref}
          onKeepMine={keepMine}
          onLoadTheirs={loadTheirs}
        />
        <div class="button-row">
          <button type="submit" name="intent" value="save" class="button button--secondary">
            {labels.saveDraft}
          </button>
          <button
            type="submit"
            name="intent"
            value="submit"
            class="button"
            disabled={submitting}
            aria-disabled={submitting}
          >
            {submitting ? labels.submitting : labels.submit}
          </button>
        </div>
      </div>
    </form>
  );
}

function SaveStatus(props: {
  state: SaveState;
  labels: FillLabels;
  loginHref: string;
  onKeepMine: () => void;
  onLoadTheirs: () => void;
}) {
  const { state, labels } = props;
  let content = null;
  if (state.kind === "saved") content = labels.savedAt.replace("{time}", state.at);
  if (state.kind === "saving") content = labels.saving;
  if (state.kind === "unsaved") content = labels.unsaved;
  if (state.kind === "retrying") content = labels.retrying;
  if (state.kind === "not_pending") content = labels.notPending;
  if (state.kind === "signed_out") {
    content = (
      <>
        {labels.signedOut} <a href={props.loginHref}>{labels.signInAgain}</a>
      </>
    );
  }
  if (state.kind === "conflict") {
    content = (
      <>
        {labels.conflict}{" "}
        <span class="button-row">
          <button type="button" class="button button--secondary" onClick={props.onKeepMine}>
            {labels.keepMine}
          </button>
          <button type="button" class="button button--secondary" onClick={props.onLoadTheirs}>
            {labels.loadTheirs}
          </button>
        </span>
      </>
    );
  }

  const alert = state.kind === "conflict" || state.kind === "signed_out" || state.kind === "retrying";
  return (
    <div class={alert ? "save-status save-status--alert" : "save-status"} role="status" aria-live="polite">
      {content}
    </div>
  );
}
