import { useRef, useState } from "preact/hooks";

import type { DocumentUploadLabels } from "../../lib/console/documents/upload-labels";
import { formatFileSize } from "../../lib/i18n/format";
import type { Locale } from "../../lib/i18n/locales";

export interface DocumentUploadProps {
  locale: Locale;
  /** Endpoint that takes the file as the raw body, with a progress bar. */
  apiUrl: string;
  /** Endpoint of the plain multipart form, used without JavaScript. */
  formAction: string;
  returnTo: string;
  maxBytes: number;
  /** Message of a rejected upload when the form is shown again by the server. */
  initialError: string | null;
  labels: DocumentUploadLabels;
}

interface Progress {
  loaded: number;
  total: number;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

function errorMessage(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null || !("message" in error)) return null;
  const message = (error as { message: unknown }).message;
  return typeof message === "string" ? message : null;
}

function successLocation(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("location" in body)) return null;
  const location = (body as { location: unknown }).location;
  return typeof location === "string" && location.startsWith("/practice/") ? location : null;
}

/**
 * The document upload form. Without JavaScript it is a plain multipart form. With it, the file
 * goes to the upload endpoint as the raw body through XMLHttpRequest, whose upload progress
 * drives the progress bar. A rejection is shown beside the file field.
 */
export default function DocumentUpload(props: DocumentUploadProps) {
  const { labels } = props;
  const [error, setError] = useState<string | null>(props.initialError);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const requestRef = useRef<XMLHttpRequest | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const fail = (message: string) => {
    requestRef.current = null;
    setProgress(null);
    setError(message);
    inputRef.current?.focus();
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (requestRef.current) return;
    const form = event.currentTarget as HTMLFormElement;
    const file = inputRef.current?.files?.[0];
    setNotice(null);
    if (!file) return fail(labels.missingFile);
    if (file.size > props.maxBytes) return fail(labels.tooLarge);

    const data = new FormData(form);
    const query = new URLSearchParams({ return_to: props.returnTo });
    if (data.get("share") === "1") query.set("share", "1");
    if (data.get("acknowledgement") === "1") query.set("acknowledgement", "1");

    const request = new XMLHttpRequest();
    requestRef.current = request;
    request.open("POST", `${props.apiUrl}?${query}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.setRequestHeader("Accept", "application/json");
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.upload.onprogress = (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress({ loaded: progressEvent.loaded, total: progressEvent.total });
    };
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      const location = successLocation(body);
      if (request.status === 201 && location) {
        window.location.assign(location);
        return;
      }
      if (request.status === 401) {
        window.location.assign(`/practice/login?reason=expired&next=${encodeURIComponent(props.returnTo)}`);
        return;
      }
      fail(errorMessage(body) ?? labels.failed);
    };
    request.onerror = () => fail(labels.failed);
    request.onabort = () => {
      requestRef.current = null;
      setProgress(null);
      setNotice(labels.cancelled);
    };

    setError(null);
    setProgress({ loaded: 0, total: file.size });
    request.send(file);
  };

  const percent = progress && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  const describedBy = error ? "document-file-help document-file-error" : "document-file-help";

  return (
    <form
      method="post"
      action={props.formAction}
      encType="multipart/form-data"
      class="document-upload"
      onSubmit={submit}
      noValidate
    >
      <input type="hidden" name="return_to" value={props.returnTo} />
      <div class="field">
        <label for="document-file">{labels.file}</label>
        <p id="document-file-help" class="muted">
          {labels.help}
        </p>
        <input
          ref={inputRef}
          id="document-file"
          type="file"
          name="file"
          required
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
        />
        {error && (
          <p id="document-file-error" class="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <fieldset class="field">
        <legend>{labels.options}</legend>
        <label class="checkbox">
          <input type="checkbox" name="share" value="1" /> {labels.share}
        </label>
        <label class="checkbox">
          <input type="checkbox" name="acknowledgement" value="1" /> {labels.acknowledgement}
        </label>
      </fieldset>
      {progress && (
        <div class="field">
          <label for="document-upload-progress">{labels.uploading}</label>
          <progress id="document-upload-progress" max={100} value={percent}>
            {percent} %
          </progress>
          <p class="muted">
            {fill(labels.progress, {
              percent: String(percent),
              loaded: formatFileSize(props.locale, progress.loaded),
              total: formatFileSize(props.locale, progress.total),
            })}
          </p>
          <p class="visually-hidden" aria-live="polite">
            {fill(labels.progressAnnouncement, { percent: String(Math.floor(percent / 25) * 25) })}
          </p>
        </div>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <div class="button-row">
        <button type="submit" class="button" disabled={progress !== null}>
          {labels.submit}
        </button>
        {progress && (
          <button type="button" class="button button--secondary" onClick={() => requestRef.current?.abort()}>
            {labels.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
