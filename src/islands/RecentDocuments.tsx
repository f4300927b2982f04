import type { DocumentListItem } from "../lib/documents/present";
import { DocumentItem } from "./parts/DocumentItem";

export interface RecentDocumentsProps {
  items: DocumentListItem[];
  labels: { title: string; empty: string };
}

/** The Overview's Recent documents widget: the five newest shares, or a line saying there are none. */
export default function RecentDocuments({ items, labels }: RecentDocumentsProps) {
  return (
    <section class="widget" aria-labelledby="recent-documents-title">
      <h2 id="recent-documents-title">{labels.title}</h2>
      {items.length === 0 ? (
        <p class="muted">{labels.empty}</p>
      ) : (
        <ul class="document-list">
          {items.map((item) => (
            <DocumentItem key={item.id} item={item} compact />
          ))}
        </ul>
      )}
    </section>
  );
}
