import { useRef, useState } from "preact/hooks";

import type { DocumentListItem } from "../lib/documents/present";
import { DocumentItem } from "./parts/DocumentItem";

export interface DocumentListProps {
  initialItems: DocumentListItem[];
  nextCursor: string | null;
  labels: { loadMore: string; loading: string; loadError: string; tryAgain: string };
}

interface DocumentPageResponse {
  items: DocumentListItem[];
  nextCursor: string | null;
}

function isDocumentPage(value: unknown): value is DocumentPageResponse {
  return typeof value === "object" && value !== null && Array.isArray((value as { items?: unknown }).items);
}

/**
 * The client's document list. Without JavaScript "Load more documents" is a link to the next
 * page; with it, the next batch is fetched and appended, and a failed fetch offers "Try again".
 */
export default function DocumentList({ initialItems, nextCursor, labels }: DocumentListProps) {
  const [items, setItems] = useState(initialItems);
  const [cursor, setCursor] = useState(nextCursor);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const listRef = useRef<HTMLUListElement>(null);

  const loadMore = async (event: Event) => {
    event.preventDefault();
    if (!cursor || state === "loading") return;

    setState("loading");
    try {
      const response = await fetch(`/api/documents?cursor=${encodeURIComponent(cursor)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.status === 401) {
        window.location.assign(`/login?reason=expired&next=${encodeURIComponent("/documents")}`);
        return;
      }
      const body: unknown = await response.json();
      if (!response.ok || !isDocumentPage(body))
        throw new Error(`document page request failed with ${response.status}`);

      const firstNewIndex = items.length;
      setItems([...items, ...body.items]);
      setCursor(body.nextCursor);
      setState("idle");
      // Keyboard and screen reader users continue at the first new document.
      requestAnimationFrame(() => {
        listRef.current?.querySelectorAll<HTMLAnchorElement>(".document-item__name")[firstNewIndex]?.focus();
      });
    } catch {
      setState("error");
    }
  };

  return (
    <div>
      <ul class="document-list" ref={listRef}>
        {items.map((item) => (
          <DocumentItem key={item.id} item={item} />
        ))}
      </ul>
      {state === "error" && (
        <div class="notice notice--error" role="alert">
          <p>{labels.loadError}</p>
          <button type="button" class="button button--secondary" onClick={loadMore}>
            {labels.tryAgain}
          </button>
        </div>
      )}
      {cursor && state !== "error" && (
        <p>
          <a
            class="button button--secondary"
            href={`/documents?cursor=${encodeURIComponent(cursor)}`}
            onClick={loadMore}
            aria-busy={state === "loading"}
          >
            {state === "loading" ? labels.loading : labels.loadMore}
          </a>
        </p>
      )}
    </div>
  );
}
