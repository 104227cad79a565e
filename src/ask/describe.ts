import type { Status } from '../domain/status';
import { statusLabel } from '../domain/status';
import { DateTime } from 'luxon';
import { INTENTS } from './intents';
import type { Reading } from './reading';

const day = (iso: string): string => DateTime.fromISO(iso).toFormat('d LLLL yyyy');

const statusWords = (statuses: Status[]): string =>
  statuses.map((s) => statusLabel(s).toLowerCase()).join(' or ');

/**
 * A reading in plain words, for "Did you mean…" buttons and "I understood…" lines:
 * "Overdue actions · the Members' Communications plan · Democratic Services".
 */
export function describeReading(reading: Reading, planName: (id: string) => string): string {
  return readingParts(reading, planName).join(' · ');
}

/**
 * Short labels for readings offered together: the part that tells each from the others (the
 * plan when only the plan differs, else what is asked), so button titles fit on a phone.
 */
export function readingLabels(readings: Reading[], planName: (id: string) => string): string[] {
  const parts = readings.map((r) => readingParts(r, planName));
  const longest = Math.max(...parts.map((p) => p.length));
  for (let i = 0; i < longest; i += 1) {
    const seen = new Set(parts.map((p) => p[i] ?? ''));
    if (seen.size === parts.length) {
      return parts.map((p) =>
        (p[i] ?? '').replace(/^the (.*) plan$/, '$1').replace(/^./, (c) => c.toUpperCase()),
      );
    }
  }
  return parts.map((p) => p.join(' · '));
}

function readingParts(reading: Reading, planName: (id: string) => string): string[] {
  const { slots } = reading;
  const what =
    reading.intent === 'status' && slots.statuses
      ? `${statusWords(slots.statuses)} actions`
      : reading.intent === 'action' && slots.ref
        ? `action ${slots.ref}`
        : (INTENTS.find((i) => i.name === reading.intent)?.describe ?? reading.intent);
  const parts = [what.charAt(0).toUpperCase() + what.slice(1)];
  if (slots.plan) parts.push(planName(slots.plan));
  const who = slots.service ?? slots.post ?? slots.person;
  if (who) parts.push(who);
  if (slots.sinceLastMeeting) parts.push('since the last meeting');
  else if (slots.untilNextMeeting) parts.push('before the next meeting');
  else if (slots.since && slots.until) parts.push(`${day(slots.since)} to ${day(slots.until)}`);
  else if (slots.since) parts.push(`since ${day(slots.since)}`);
  else if (slots.until) parts.push(`by ${day(slots.until)}`);
  if (slots.schedule) {
    parts.push(
      slots.schedule.kind === 'weekly'
        ? `every ${slots.schedule.day.charAt(0).toUpperCase()}${slots.schedule.day.slice(1)}`
        : 'before each meeting',
    );
  }
  return parts;
}
