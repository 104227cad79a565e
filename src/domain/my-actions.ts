import { effectiveDue, type Action, type Plan } from './action';
import { latenessOf, type Lateness } from './overdue';
import { isFinished } from './status';

/** An action with its plan. */
export interface ActionWithPlan {
  action: Action;
  plan: Pick<Plan, 'id' | 'title' | 'timezone' | 'signOff' | 'labels'>;
}

/** One action on a person's list, with how it stands against its date. */
export interface MyActionsItem extends ActionWithPlan {
  lateness: Lateness;
}

/** A person's actions as they see them: the most urgent first, with the counts they read. */
export interface MyActionsList {
  /** True when complete actions are listed too. */
  includeComplete: boolean;
  /**
   * Overdue first (the latest first), then by due date, undated after, complete last. Without
   * `includeComplete`, finished actions (complete, not agreed, superseded) are left out.
   */
  items: MyActionsItem[];
  /** Actions on the list that are not complete. */
  open: number;
  /** Open actions past their due date. */
  overdue: number;
  /** Complete actions on the list (0 unless finished ones are included). */
  complete: number;
}

type Rank = [group: number, late: number, due: string];

function rank({ action, lateness }: MyActionsItem): Rank {
  if (action.status === 'complete') return [3, 0, ''];
  if (lateness.state === 'overdue') return [0, -lateness.daysLate, ''];
  const due = effectiveDue(action);
  return due ? [1, 0, due] : [2, 0, ''];
}

/** Most urgent first: see {@link MyActionsList.items}; by ref (numerically) within a tie. */
export function byUrgency<T extends MyActionsItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const [ga, la, da] = rank(a);
    const [gb, lb, db] = rank(b);
    return (
      ga - gb ||
      la - lb ||
      da.localeCompare(db) ||
      a.action.ref.localeCompare(b.action.ref, 'en', { numeric: true })
    );
  });
}

/**
 * A person's list at `now` from the actions their posts own: complete ones left out unless
 * asked for, each with its lateness in its plan's time zone, the most urgent first.
 */
export function myActionsList(
  owned: readonly ActionWithPlan[],
  now: Date,
  includeComplete: boolean,
): MyActionsList {
  const items = byUrgency(
    owned
      .filter(({ action }) => includeComplete || !isFinished(action.status))
      .map((item) => ({ ...item, lateness: latenessOf(item.action, now, item.plan.timezone) })),
  );
  let open = 0;
  let overdue = 0;
  for (const { action, lateness } of items) {
    if (action.status !== 'complete') open += 1;
    if (lateness.state === 'overdue') overdue += 1;
  }
  return { includeComplete, items, open, overdue, complete: items.length - open };
}
