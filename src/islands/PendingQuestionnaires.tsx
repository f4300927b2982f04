import type { AssignmentCard } from "../lib/forms/present";
import { WarningIcon } from "./parts/WarningIcon";

export interface PendingQuestionnairesProps {
  cards: AssignmentCard[];
  labels: { title: string; overdue: string };
}

/** The Overview's Pending questionnaires widget; the page leaves it out when nothing is pending. */
export default function PendingQuestionnaires({ cards, labels }: PendingQuestionnairesProps) {
  return (
    <section class="widget" aria-labelledby="pending-title">
      <h2 id="pending-title">{labels.title}</h2>
      <ul class="task-list">
        {cards.map((card) => (
          <li key={card.id} class={card.overdue ? "task task--overdue" : "task"}>
            <a class="task__title" href={card.href}>
              {card.title}
            </a>
            {card.overdue && (
              <p class="status status--overdue">
                <WarningIcon /> {labels.overdue}
              </p>
            )}
            {card.dueLabel && <p class="task__due">{card.dueLabel}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
