import { CommitmentStatus } from './commitment.enums.js';

/** Days before the due date (the due day included) a commitment counts as due soon. */
export const DUE_SOON_DAYS = 7;

/** `day` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The status of a commitment on `today` (a day in China): fulfilled ones are FULFILLED, or EVALUATED
 * once rated; open ones are OVERDUE after their due day, DUE_SOON from 7 days before it (the due day
 * included), OPEN before that. The SQL of `statusCondition` says the same, for lists.
 */
export function commitmentStatus(
  commitment: { dueOn: string; fulfilledAt?: Date | null },
  evaluated: boolean,
  today: string,
): CommitmentStatus {
  if (commitment.fulfilledAt) {
    return evaluated ? CommitmentStatus.EVALUATED : CommitmentStatus.FULFILLED;
  }
  if (commitment.dueOn < today) {
    return CommitmentStatus.OVERDUE;
  }
  return commitment.dueOn <= addDays(today, DUE_SOON_DAYS) ? CommitmentStatus.DUE_SOON : CommitmentStatus.OPEN;
}

/** `commitmentStatus` as an SQL condition on commitment row `alias`, with its parameters. */
export function statusCondition(status: CommitmentStatus, alias: string, today: string): { sql: string; params: unknown[] } {
  const evaluated = `exists (select 1 from commitment_evaluation status_ev where status_ev.commitment_id = ${alias}.id)`;
  const soon = addDays(today, DUE_SOON_DAYS);
  switch (status) {
    case CommitmentStatus.EVALUATED:
      return { sql: `(${alias}.fulfilled_at is not null and ${evaluated})`, params: [] };
    case CommitmentStatus.FULFILLED:
      return { sql: `(${alias}.fulfilled_at is not null and not ${evaluated})`, params: [] };
    case CommitmentStatus.OVERDUE:
      return { sql: `(${alias}.fulfilled_at is null and ${alias}.due_on < ?::date)`, params: [today] };
    case CommitmentStatus.DUE_SOON:
      return { sql: `(${alias}.fulfilled_at is null and ${alias}.due_on between ?::date and ?::date)`, params: [today, soon] };
    case CommitmentStatus.OPEN:
      return { sql: `(${alias}.fulfilled_at is null and ${alias}.due_on > ?::date)`, params: [soon] };
  }
}
