import { useEffect, useRef, useState } from "preact/hooks";

interface SessionStatus {
  idleExpiresInSeconds: number;
  expiresInSeconds: number;
}

export interface SessionTimeoutDialogProps {
  initialStatus: SessionStatus;
  warningSeconds: number;
  labels: {
    title: string;
    /** Contains `{time}`, replaced by the remaining minutes and seconds. */
    body: string;
    stay: string;
    signOut: string;
  };
}

function remainingSeconds(status: SessionStatus): number {
  return Math.min(status.idleExpiresInSeconds, status.expiresInSeconds);
}

function formatCountdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

function redirectToLogin() {
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?${new URLSearchParams({ reason: "expired", next }).toString()}`);
}

async function fetchStatus(method: "GET" | "POST"): Promise<SessionStatus | null> {
  const response = await fetch(method === "GET" ? "/api/session" : "/api/session/extend", {
    method,
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`session status request failed with ${response.status}`);
  return (await response.json()) as SessionStatus;
}

/**
 * Warns before the idle timeout ends the session and offers to stay signed in. The server's
 * numbers are relative seconds, so a wrong clock on the device does not matter. Before warning it
 * asks the server again, because activity in another tab may have extended the session.
 */
export default function SessionTimeoutDialog({ initialStatus, warningSeconds, labels }: SessionTimeoutDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [deadline, setDeadline] = useState(() => Date.now() + remainingSeconds(initialStatus) * 1000);
  const [open, setOpen] = useState(false);
  const [secondsLeft, setSecondsLeft] = useState(remainingSeconds(initialStatus));

  const applyStatus = (status: SessionStatus | null) => {
    if (!status || remainingSeconds(status) === 0) {
      redirectToLogin();
      return;
    }
    setDeadline(Date.now() + remainingSeconds(status) * 1000);
  };

  useEffect(() => {
    const untilWarning = deadline - warningSeconds * 1000 - Date.now();
    if (open) return;
    const timer = window.setTimeout(
      async () => {
        try {
          const status = await fetchStatus("GET");
          if (!status) return redirectToLogin();
          if (remainingSeconds(status) > warningSeconds) return applyStatus(status);
          applyStatus(status);
          setOpen(true);
        } catch {
          setOpen(true);
        }
      },
      Math.max(0, untilWarning),
    );
    return () => window.clearTimeout(timer);
  }, [deadline, open]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    if (!open) return;

    const tick = () => {
      const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) fetchStatus("GET").then(applyStatus, redirectToLogin);
    };
    tick();
    const interval = window.setInterval(tick, 1000);
    return () => window.clearInterval(interval);
  }, [open, deadline]);

  const staySignedIn = async () => {
    try {
      applyStatus(await fetchStatus("POST"));
      setOpen(false);
    } catch {
      // The dialog stays open; the countdown keeps running and the button can be pressed again.
    }
  };

  return (
    <dialog ref={dialogRef} aria-labelledby="session-timeout-title" onCancel={(event) => event.preventDefault()}>
      <h2 id="session-timeout-title">{labels.title}</h2>
      <p aria-live="polite">{labels.body.replace("{time}", formatCountdown(secondsLeft))}</p>
      <div class="button-row">
        <button type="button" class="button" onClick={staySignedIn}>
          {labels.stay}
        </button>
        <form method="post" action="/logout" class="inline-form">
          <button type="submit" class="button button--secondary">
            {labels.signOut}
          </button>
        </form>
      </div>
    </dialog>
  );
}
