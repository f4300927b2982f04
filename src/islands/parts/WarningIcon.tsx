/** A warning triangle shown beside "overdue" text, so status is never carried by colour alone. */
export function WarningIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M12 2 1 21h22L12 2Zm0 6 .01 0L12 8Zm-1 3h2v5h-2v-5Zm0 7h2v2h-2v-2Z" fill="currentColor" />
    </svg>
  );
}
