/**
 * The progress states an action can be in, in the order they are shown. `paused` is held on
 * purpose (with a reason and an optional review date); `not-agreed` and `superseded` close an
 * action without completing it (with a reason).
 */
export const STATUSES = [
  'not-started',
  'on-track',
  'at-risk',
  'off-track',
  'paused',
  'complete',
  'not-agreed',
  'superseded',
] as const;

/** One of {@link STATUSES}. */
export type Status = (typeof STATUSES)[number];

/** Statuses that need a reason when an action moves to them. */
export const STATUSES_WITH_REASON: readonly Status[] = ['paused', 'not-agreed', 'superseded'];

/** Red/amber/green rating used on cards and exports; complete work is shown as blue. */
export type Rag = 'none' | 'green' | 'amber' | 'red' | 'blue';

const RAG: Record<Status, Rag> = {
  'not-started': 'none',
  'on-track': 'green',
  'at-risk': 'amber',
  'off-track': 'red',
  paused: 'none',
  complete: 'blue',
  'not-agreed': 'none',
  superseded: 'none',
};

/**
 * The words a plan shows for its statuses. Councils report on different scales over the same
 * underlying states: `standard` (on track, at risk…), `rag` (the colours with their agreed
 * meanings) and `achievement` (achieved, on track, slipped, not achieved).
 */
export const LABEL_SCHEMES = ['standard', 'rag', 'achievement'] as const;

/** One of {@link LABEL_SCHEMES}. */
export type LabelScheme = (typeof LABEL_SCHEMES)[number];

const SHARED = { paused: 'Paused', 'not-agreed': 'Not agreed', superseded: 'Superseded' } as const;

const LABELS: Record<LabelScheme, Record<Status, string>> = {
  standard: {
    'not-started': 'Not started',
    'on-track': 'On track',
    'at-risk': 'At risk',
    'off-track': 'Off track',
    complete: 'Complete',
    ...SHARED,
  },
  rag: {
    'not-started': 'Not started',
    'on-track': 'Amber: acceptable progress',
    'at-risk': 'Amber: progress at risk',
    'off-track': 'Red: unacceptable progress',
    complete: 'Green: achieved',
    ...SHARED,
  },
  achievement: {
    'not-started': 'Not started',
    'on-track': 'On track',
    'at-risk': 'Slipped',
    'off-track': 'Not achieved',
    complete: 'Achieved',
    ...SHARED,
  },
};

// In the RAG scale green means achieved, so the colours follow the scale's own meanings.
const SCHEME_RAG: Record<LabelScheme, Record<Status, Rag>> = {
  standard: RAG,
  achievement: RAG,
  rag: { ...RAG, 'on-track': 'amber', complete: 'green' },
};

/** The RAG colour of a status (on the plan's scale when given). */
export function ragOf(status: Status, scheme: LabelScheme = 'standard'): Rag {
  return SCHEME_RAG[scheme][status];
}

/** The plain-English label of a status, as shown to users (on the plan's scale when given). */
export function statusLabel(status: Status, scheme: LabelScheme = 'standard'): string {
  return LABELS[scheme][status];
}

/** True when the value is one of the statuses. */
export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** True when the value names a label scheme. */
export function isLabelScheme(value: unknown): value is LabelScheme {
  return typeof value === 'string' && (LABEL_SCHEMES as readonly string[]).includes(value);
}

/** Closed without being completed: never chased, never overdue. */
export function isClosedWithoutCompletion(status: Status): boolean {
  return status === 'not-agreed' || status === 'superseded';
}

/**
 * True when an action in this status is no longer worked on: complete (awaiting sign-off or
 * signed off), not agreed or superseded. Such actions are never chased and never overdue.
 */
export function isFinished(status: Status): boolean {
  return status === 'complete' || isClosedWithoutCompletion(status);
}

/** True when an action in this status is neither finished nor paused: it is chased and can be late. */
export function isActive(status: Status): boolean {
  return !isFinished(status) && status !== 'paused';
}

/** The statuses with at least one action, in the usual order. */
export function statusesPresent(counts: Record<Status, number>): Status[] {
  return STATUSES.filter((s) => counts[s] > 0);
}

/** How many of `items` are at each status (every status present, zero where none). */
export function countByStatus(items: Iterable<{ status: Status }>): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const { status } of items) counts[status] += 1;
  return counts;
}
