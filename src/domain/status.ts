/** The progress states an action can be in, in the order they are shown. */
export const STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'complete'] as const;

/** One of {@link STATUSES}. */
export type Status = (typeof STATUSES)[number];

/** Red/amber/green rating used on cards and exports; complete work is shown as blue. */
export type Rag = 'none' | 'green' | 'amber' | 'red' | 'blue';

const RAG: Record<Status, Rag> = {
  'not-started': 'none',
  'on-track': 'green',
  'at-risk': 'amber',
  'off-track': 'red',
  complete: 'blue',
};

const LABELS: Record<Status, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  complete: 'Complete',
};

/** The RAG colour of a status. */
export function ragOf(status: Status): Rag {
  return RAG[status];
}

/** The plain-English label of a status, as shown to users. */
export function statusLabel(status: Status): string {
  return LABELS[status];
}

/** True when the value is one of the five statuses. */
export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}
