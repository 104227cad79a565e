import { INTENTS } from '../ask/intents';
import type { Reading, Slots } from '../ask/reading';
import { WEEKDAYS, type Weekday } from '../domain/channel-subscription';
import { isStatus } from '../domain/status';
import { isPlanId } from '../import/preamble';
import { VERBS } from './verbs';

/**
 * Data of a "Did you mean…" button: one reading of a question, flattened to strings. Slots the
 * reading does not have are left out (an empty `ref` would look like a damaged card).
 */
export interface AnswerReadingExecuteData {
  verb: typeof VERBS.answerReading;
  intent: string;
  planId?: string;
  ref?: string;
  service?: string;
  post?: string;
  person?: string;
  statuses?: string;
  since?: string;
  until?: string;
  meeting?: 'last' | 'next';
  schedule?: string;
}

/** A reading as a button's data. */
export function readingData(reading: Reading): AnswerReadingExecuteData {
  const s = reading.slots;
  const data: AnswerReadingExecuteData = {
    verb: VERBS.answerReading,
    intent: reading.intent,
    planId: s.plan ?? '',
    ref: s.ref ?? '',
    service: s.service ?? '',
    post: s.post ?? '',
    person: s.person ?? '',
    statuses: (s.statuses ?? []).join(' '),
    since: s.since ?? '',
    until: s.until ?? '',
    meeting: s.sinceLastMeeting ? 'last' : s.untilNextMeeting ? 'next' : undefined,
    schedule: !s.schedule ? '' : s.schedule.kind === 'weekly' ? s.schedule.day : 'before-meeting',
  };
  // Empty fields are left off the button, to keep the card small.
  const compact: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined && value !== '') compact[key] = value;
  }
  return compact as unknown as AnswerReadingExecuteData;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (v: unknown, max = 200): string | null =>
  typeof v === 'string' && v.length <= max ? v.trim() : null;

/**
 * The reading a button sent back, or null when the data is not what a button of ours carries
 * (the client sends it, so every field is checked).
 */
export function readingFromData(data: Record<string, unknown>): Reading | null {
  const intent = text(data.intent, 40);
  if (!intent || !INTENTS.some((i) => i.name === intent)) return null;
  const fields = [
    'planId',
    'ref',
    'service',
    'post',
    'person',
    'statuses',
    'since',
    'until',
    'meeting',
    'schedule',
  ];
  const values = Object.fromEntries(
    fields.map((f) => [f, data[f] === undefined ? '' : text(data[f])]),
  );
  if (Object.values(values).some((v) => v === null)) return null;
  const v = values as Record<string, string>;
  const slots: Slots = {};
  if (v.planId) {
    if (!isPlanId(v.planId)) return null;
    slots.plan = v.planId;
  }
  if (v.ref) slots.ref = v.ref;
  if (v.service) slots.service = v.service;
  if (v.post) slots.post = v.post;
  if (v.person) slots.person = v.person;
  if (v.statuses) {
    const statuses = v.statuses.split(' ');
    if (!statuses.every(isStatus)) return null;
    slots.statuses = statuses;
  }
  for (const key of ['since', 'until'] as const) {
    if (!v[key]) continue;
    if (!DAY.test(v[key])) return null;
    slots[key] = v[key];
  }
  if (v.meeting === 'last') slots.sinceLastMeeting = true;
  else if (v.meeting === 'next') slots.untilNextMeeting = true;
  else if (v.meeting) return null;
  if (v.schedule === 'before-meeting') slots.schedule = { kind: 'before-meeting' };
  else if ((WEEKDAYS as readonly string[]).includes(v.schedule)) {
    slots.schedule = { kind: 'weekly', day: v.schedule as Weekday };
  } else if (v.schedule) return null;
  return { intent, slots };
}
