import type { Locale } from "../i18n/locales";
import { type MessageKey, translate } from "../i18n/translate";
import { ANSWER_ERROR_CODES, type AnswerErrorCode } from "../questionnaires";

/** The texts the questionnaire island shows, translated on the server. `{…}` parameters stay in. */
export interface FillLabels {
  required: string;
  yes: string;
  no: string;
  choose: string;
  otherLabel: string;
  saveDraft: string;
  submit: string;
  submitting: string;
  savedAt: string;
  saving: string;
  unsaved: string;
  retrying: string;
  signedOut: string;
  signInAgain: string;
  conflict: string;
  keepMine: string;
  loadTheirs: string;
  errorsTitleOne: string;
  errorsTitleOther: string;
  notPending: string;
  unit: string;
  minValue: string;
  maxValue: string;
  range: string;
  maxLength: string;
  errors: Record<AnswerErrorCode, string>;
}

/** Builds the island's texts in `locale`. */
export function fillLabels(locale: Locale): FillLabels {
  const t = (key: MessageKey) => translate(locale, key);
  const errors = Object.fromEntries(
    ANSWER_ERROR_CODES.map((code) => [code, translate(locale, `fill.error.${code}`)]),
  ) as Record<AnswerErrorCode, string>;

  return {
    required: t("fill.required"),
    yes: t("fill.yes"),
    no: t("fill.no"),
    choose: t("fill.choose"),
    otherLabel: t("fill.other_label"),
    saveDraft: t("fill.save_draft"),
    submit: t("fill.submit"),
    submitting: t("fill.submitting"),
    savedAt: t("fill.status.saved_at"),
    saving: t("fill.status.saving"),
    unsaved: t("fill.status.unsaved"),
    retrying: t("fill.status.retrying"),
    signedOut: t("fill.status.signed_out"),
    signInAgain: t("fill.sign_in_again"),
    conflict: t("fill.status.conflict"),
    keepMine: t("fill.keep_mine"),
    loadTheirs: t("fill.load_theirs"),
    errorsTitleOne: t("fill.errors_title.one"),
    errorsTitleOther: t("fill.errors_title.other"),
    notPending: t("fill.not_pending"),
    unit: t("fill.unit"),
    minValue: t("fill.error.min_value"),
    maxValue: t("fill.error.max_value"),
    range: t("fill.error.range"),
    maxLength: t("fill.error.max_length"),
    errors,
  };
}
