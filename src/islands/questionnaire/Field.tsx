import type { JSX } from "preact";

import type { FillLabels } from "../../lib/forms/fill-labels";
import { fieldName, optionFieldValue, otherFieldName } from "../../lib/forms/form-data";
import type { AnswerValue, OptionValue, QuestionItem } from "../../lib/questionnaires";

export interface FieldProps {
  question: QuestionItem;
  id: string;
  values: AnswerValue[];
  error: string | null;
  labels: FillLabels;
  onChange: (values: AnswerValue[]) => void;
}

function optionLabel(value: OptionValue): string {
  if (value.type === "coding") return value.value.display ?? value.value.code;
  return String(value.value);
}

function sameOption(answer: AnswerValue, option: OptionValue): boolean {
  if (answer.type === "coding" && option.type === "coding") {
    return answer.value.code === option.value.code && (answer.value.system ?? "") === (option.value.system ?? "");
  }
  return answer.type === option.type && answer.value === option.value;
}

/** Hints tied to the field: the allowed range, the maximum length. */
function hintText(question: QuestionItem, labels: FillLabels): string | null {
  const parts: string[] = [];
  if (question.minValue !== undefined && question.maxValue !== undefined) {
    parts.push(labels.range.replace("{min}", String(question.minValue)).replace("{max}", String(question.maxValue)));
  } else if (question.minValue !== undefined) {
    parts.push(labels.minValue.replace("{min}", String(question.minValue)));
  } else if (question.maxValue !== undefined) {
    parts.push(labels.maxValue.replace("{max}", String(question.maxValue)));
  }
  if (question.maxLength !== undefined) parts.push(labels.maxLength.replace("{max}", String(question.maxLength)));
  return parts.length > 0 ? parts.join(" ") : null;
}

function QuestionText({ question, labels }: { question: QuestionItem; labels: FillLabels }) {
  return (
    <>
      {question.prefix && <span class="question__prefix">{question.prefix} </span>}
      {question.text ?? question.linkId}
      {question.required && <span class="question__required"> ({labels.required})</span>}
    </>
  );
}

/**
 * Renders one question as form controls. Questions with several controls (radio buttons, boxes)
 * are a fieldset with the question as its legend; single controls get a label. The error text
 * and hints are tied to the control with aria-describedby.
 */
export function Field({ question, id, values, error, labels, onChange }: FieldProps) {
  const errorId = `${id}-error`;
  const hint = hintText(question, labels);
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const name = fieldName(question.linkId);
  const disabled = question.readOnly;
  const first = values[0];
  const footer = (
    <>
      {hint && (
        <p id={hintId} class="question__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field__error">
          {error}
        </p>
      )}
    </>
  );

  if (question.type === "boolean" || question.type === "choice" || question.type === "open-choice") {
    const multiple = question.repeats;
    const options: { value: string; label: string; checked: boolean; answer: AnswerValue }[] =
      question.type === "boolean"
        ? [
            {
              value: "true",
              label: labels.yes,
              checked: first?.value === true,
              answer: { type: "boolean", value: true },
            },
            {
              value: "false",
              label: labels.no,
              checked: first?.value === false,
              answer: { type: "boolean", value: false },
            },
          ]
        : question.options.map((option, index) => ({
            value: optionFieldValue(index),
            label: `${option.prefix ? `${option.prefix} ` : ""}${optionLabel(option.value)}`,
            checked: values.some((answer) => sameOption(answer, option.value)),
            answer: option.value,
          }));
    const other = values.find((answer) => answer.type === "other");
    const chosen = values.filter((answer) => answer.type !== "other");

    const select = (answer: AnswerValue, checked: boolean) => {
      // A single answer is either an option or the free text, never both.
      if (!multiple) return onChange(checked ? [answer] : values);
      const rest = chosen.filter((candidate) => !sameValue(candidate, answer));
      onChange([...(checked ? [...rest, answer] : rest), ...(other ? [other] : [])]);
    };

    if (question.control === "drop-down" && !multiple && question.type !== "boolean") {
      return (
        <div class="question field">
          <label for={id}>
            <QuestionText question={question} labels={labels} />
          </label>
          <select
            id={id}
            name={name}
            disabled={disabled}
            aria-invalid={error ? "true" : undefined}
            aria-describedby={describedBy}
            aria-required={question.required ? "true" : undefined}
            onChange={(event) => {
              const option = options.find((candidate) => candidate.value === event.currentTarget.value);
              onChange(option ? [option.answer] : []);
            }}
          >
            <option value="">{labels.choose}</option>
            {options.map((option) => (
              <option key={option.value} value={option.value} selected={option.checked}>
                {option.label}
              </option>
            ))}
          </select>
          {footer}
        </div>
      );
    }

    return (
      <fieldset
        id={id}
        class={`question field choices${question.choiceOrientation === "horizontal" ? " choices--horizontal" : ""}`}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
        tabIndex={-1}
      >
        <legend>
          <QuestionText question={question} labels={labels} />
        </legend>
        {options.map((option, index) => (
          <div class="choice" key={option.value}>
            <input
              type={multiple ? "checkbox" : "radio"}
              id={`${id}-${index}`}
              name={name}
              value={option.value}
              checked={option.checked}
              disabled={disabled}
              onChange={(event) => select(option.answer, event.currentTarget.checked)}
            />
            <label for={`${id}-${index}`}>{option.label}</label>
          </div>
        ))}
        {question.type === "open-choice" && (
          <div class="choice choice--other">
            <label for={`${id}-other`}>{labels.otherLabel}</label>
            <input
              type="text"
              id={`${id}-other`}
              name={otherFieldName(question.linkId)}
              value={other?.type === "other" ? other.value : ""}
              maxLength={question.maxLength}
              disabled={disabled}
              onInput={(event) => {
                const text = event.currentTarget.value;
                const otherOptions = multiple ? chosen : [];
                onChange(text.trim() === "" ? chosen : [...otherOptions, { type: "other", value: text }]);
              }}
            />
          </div>
        )}
        {footer}
      </fieldset>
    );
  }

  const common = {
    id,
    name,
    disabled,
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": describedBy,
    "aria-required": question.required ? ("true" as const) : undefined,
  };
  const text = first && first.type !== "coding" ? String(first.value) : "";

  let control: JSX.Element;
  if (question.type === "text") {
    control = (
      <textarea
        {...common}
        rows={4}
        maxLength={question.maxLength}
        placeholder={question.placeholder}
        value={text}
        onInput={(event) => onChange(textAnswer("string", event.currentTarget.value))}
      />
    );
  } else if (question.type === "integer" || question.type === "decimal") {
    const type = question.type;
    control = (
      <span class="number-field">
        <input
          {...common}
          type="text"
          inputMode={type === "integer" ? "numeric" : "decimal"}
          placeholder={question.placeholder}
          value={text}
          onInput={(event) => onChange(numberAnswer(type, event.currentTarget.value))}
        />
        {question.unit && <span class="number-field__unit">{question.unit}</span>}
      </span>
    );
  } else if (question.type === "date") {
    control = (
      <input
        {...common}
        type="date"
        min={question.minDate}
        max={question.maxDate}
        value={text}
        onInput={(event) => onChange(textAnswer("date", event.currentTarget.value))}
      />
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        maxLength={question.maxLength}
        placeholder={question.placeholder}
        value={text}
        onInput={(event) => onChange(textAnswer("string", event.currentTarget.value))}
      />
    );
  }

  return (
    <div class="question field">
      <label for={id}>
        <QuestionText question={question} labels={labels} />
      </label>
      {control}
      {footer}
    </div>
  );
}

function sameValue(left: AnswerValue, right: AnswerValue): boolean {
  if (left.type === "coding" && right.type === "coding") {
    return left.value.code === right.value.code && (left.value.system ?? "") === (right.value.system ?? "");
  }
  return left.type === right.type && left.value === right.value;
}

function textAnswer(type: "string" | "date", text: string): AnswerValue[] {
  return text === "" ? [] : [{ type, value: text }];
}

/**
 * Keeps what the client typed when it is not a number yet ("1," while typing "1,5"): it is sent
 * as text, which the validator reports as `wrong_type`, instead of silently dropping it.
 */
function numberAnswer(type: "integer" | "decimal", text: string): AnswerValue[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const number = Number(trimmed.replace(",", "."));
  if (Number.isFinite(number) && /^-?\d+([.,]\d+)?$/.test(trimmed)) return [{ type, value: number }];
  return [{ type: "string", value: text }];
}
