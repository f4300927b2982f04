import type { DocumentListItem } from "../../lib/documents/present";

/** One document in a list: name as the link, then type, size, share date and acknowledgement. */
export function DocumentItem({ item, compact = false }: { item: DocumentListItem; compact?: boolean }) {
  return (
    <li class="document-item">
      <a class="document-item__name" href={item.href}>
        {item.fileName}
      </a>
      <p class="document-item__meta">
        {!compact && <span>{item.kindLabel}</span>}
        <span>{item.sizeLabel}</span>
        <span>{item.sharedLabel}</span>
      </p>
      {!compact && item.acknowledgement.label && (
        <p class={`status status--${item.acknowledgement.state}`}>{item.acknowledgement.label}</p>
      )}
    </li>
  );
}
