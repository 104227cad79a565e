import type { Slots } from '../ask/reading';
import { effectiveDue } from '../domain/action';
import { myActionsList } from '../domain/my-actions';
import { latenessOf, localDate } from '../domain/overdue';
import { overdueList } from '../domain/overdue-list';
import { statusLabel, type Status } from '../domain/status';
import { addDays } from '../domain/working-days';
import { countLine, dayInWords, scopeOf } from './answer-scope';
import { changes, completed } from './answer-history';
import { meetingDate, sinceOf } from './answer-periods';
import { oneAction, position } from './answer-plan';
import {
  DUE_SOON_DAYS,
  open,
  type Answer,
  type AnswerDraft,
  type AnswerInput,
} from './answer-types';

export type { Answer, AnswerInput } from './answer-types';

function statusesOf(slots: Slots): Status[] {
  return slots.statuses ?? ['off-track', 'at-risk'];
}

/**
 * Answers one reading of a question for a person at `now`: the line, and the model of the card
 * that shows it, in the order and with the lateness the matching command gives.
 */
export async function answerReading(input: AnswerInput): Promise<Answer> {
  const draft = await draftAnswer(input);
  const { now } = input;
  switch (draft.kind) {
    case 'overdue':
      return { kind: 'overdue', line: draft.line, list: overdueList(draft.items, now) };
    case 'list':
      return {
        kind: 'list',
        line: draft.line,
        heading: draft.heading,
        list: myActionsList(draft.items, now, draft.includeComplete),
      };
    case 'action': {
      const { plan, action, history, canEdit } = draft;
      return {
        kind: 'action',
        line: draft.line,
        opened: {
          plan,
          action,
          history,
          canEdit,
          lateness: latenessOf(action, now, plan.timezone),
        },
      };
    }
    default:
      return draft;
  }
}

async function draftAnswer(input: AnswerInput): Promise<AnswerDraft> {
  const { world, reading, viewer, now } = input;
  const { slots } = reading;
  const scope = scopeOf(world, slots, viewer, now);
  const today = localDate(now, input.timezone);
  const { items, subject } = scope;
  switch (reading.intent) {
    case 'overdue': {
      const late = items.filter((i) => i.daysLate > 0).sort((a, b) => b.daysLate - a.daysLate);
      return {
        kind: 'overdue',
        line: countLine(late.length, items.length, subject, 'overdue'),
        items: late,
      };
    }
    case 'status': {
      const statuses = statusesOf(slots);
      const words = statuses.map((s) => statusLabel(s).toLowerCase()).join(' or ');
      const hits = items.filter((i) => statuses.includes(i.action.status));
      return {
        kind: 'list',
        line: countLine(hits.length, items.length, subject, words),
        heading: `${words.charAt(0).toUpperCase()}${words.slice(1)}`,
        items: hits,
        includeComplete: false,
      };
    }
    case 'due-soon': {
      let until = slots.until ?? addDays(today, DUE_SOON_DAYS);
      if (slots.untilNextMeeting) {
        const m = meetingDate(world, scope, 'next', today);
        if ('message' in m) return { kind: 'message', line: m.message };
        until = m.date;
      }
      const from = slots.since && slots.since > today ? slots.since : today;
      const due = open(items).filter((i) => {
        const d = effectiveDue(i.action);
        return d !== null && d >= from && d <= until;
      });
      return {
        kind: 'list',
        line: countLine(
          due.length,
          open(items).length,
          subject,
          `due by ${dayInWords(until)}`,
          'open',
        ),
        heading: `Due by ${dayInWords(until)}`,
        items: due,
        includeComplete: false,
      };
    }
    case 'not-updated': {
      const since = sinceOf(input, scope, today, addDays(today, -input.staleDays));
      if ('message' in since) return { kind: 'message', line: since.message };
      const quiet = open(items).filter(
        (i) => !i.action.lastUpdateAt || i.action.lastUpdateAt.slice(0, 10) < since.date,
      );
      return {
        kind: 'list',
        line: countLine(
          quiet.length,
          open(items).length,
          subject,
          `without an update ${since.words}`,
          'open',
        ),
        heading: `No update ${since.words}`,
        items: quiet,
        includeComplete: false,
      };
    }
    case 'owned': {
      const mine = open(items);
      const late = mine.filter((i) => i.daysLate > 0).length;
      const who = subject || 'in all plans';
      return {
        kind: 'list',
        line: `There ${mine.length === 1 ? 'is 1 open action' : `are ${mine.length} open actions`} ${who}${late ? `, ${late} overdue` : ''}.`,
        heading: 'Open actions',
        items: mine,
        includeComplete: false,
      };
    }
    case 'changes':
      return changes(input, scope, today);
    case 'completed':
      return completed(input, scope, today);
    case 'action':
      return oneAction(input, scope);
    default:
      return position(input, scope);
  }
}
