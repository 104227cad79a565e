import type { Briefing } from './channel-briefing';
import { DUE_SOON_DAYS, type Digest } from './digest';
import type { NudgeReason } from './nudge-policy';

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** How one action's reason reads on its own, and how a count of them reads in a list. */
const NUDGE_WORDS: Record<NudgeReason, { alone: string; counted: string }> = {
  overdue: { alone: 'is overdue', counted: 'overdue' },
  'due-today': { alone: 'is due today', counted: 'due today' },
  'due-soon': { alone: 'is due soon', counted: 'due soon' },
  'no-update': { alone: 'has had no update for a while', counted: 'with no recent update' },
  'paused-review': { alone: 'has reached its review date', counted: 'due for review' },
};

const NUDGE_ORDER: NudgeReason[] = [
  'overdue',
  'due-today',
  'due-soon',
  'no-update',
  'paused-review',
];

/**
 * What a prompt says in Teams' notification and chat list: "Action 4 is overdue" for one
 * action, "3 actions need an update: 1 overdue, 2 due soon" for several.
 */
export function nudgeSummary(
  items: readonly { reason: NudgeReason; action: { ref: string } }[],
): string {
  if (items.length === 1) {
    const [only] = items;
    return `Action ${only.action.ref} ${NUDGE_WORDS[only.reason].alone}`;
  }
  const parts = NUDGE_ORDER.map((reason) => ({
    reason,
    n: items.reduce((sum, item) => sum + (item.reason === reason ? 1 : 0), 0),
  }))
    .filter((p) => p.n > 0)
    .map((p) => `${p.n} ${NUDGE_WORDS[p.reason].counted}`);
  return `${count(items.length, 'action')} need an update${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/**
 * What a weekly digest says in the notification: its title and what is in it, "Weekly digest:
 * Governance (Week to 7 March 2022) – 5 updates, 2 overdue, 3 due in the next 14 days, 1 not
 * answered".
 */
export function digestSummary(
  digest: Pick<Digest, 'title' | 'periodLabel' | 'changed' | 'overdue' | 'dueSoon' | 'notAnswered'>,
): string {
  const parts = [
    digest.changed.length > 0 ? count(digest.changed.length, 'update') : '',
    digest.overdue.length > 0 ? `${digest.overdue.length} overdue` : '',
    digest.dueSoon.length > 0
      ? `${digest.dueSoon.length} due in the next ${DUE_SOON_DAYS} days`
      : '',
    digest.notAnswered.length > 0 ? `${digest.notAnswered.length} not answered` : '',
  ].filter(Boolean);
  const what = parts.length > 0 ? parts.join(', ') : 'no change';
  return `${digest.title} (${digest.periodLabel}) – ${what}`;
}

/**
 * What a plan's summary in a team channel says in the notification: "Members' communications
 * plan – 2 moved, 1 overdue, 3 due by the meeting on 12 January 2027". It names no one.
 */
export function briefingSummary(
  briefing: Pick<Briefing, 'planTitle' | 'moved' | 'overdue' | 'dueSoon' | 'dueBy'>,
): string {
  const parts = [
    briefing.moved.length > 0 ? `${briefing.moved.length} moved` : '',
    briefing.overdue.length > 0 ? `${briefing.overdue.length} overdue` : '',
    briefing.dueSoon.length > 0 ? `${briefing.dueSoon.length} due by ${briefing.dueBy}` : '',
  ].filter(Boolean);
  return `${briefing.planTitle} – ${parts.length > 0 ? parts.join(', ') : 'no change, nothing overdue'}`;
}
