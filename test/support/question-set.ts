import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildAskContext, type AskFacts } from '../../src/ask/context';
import type { Slots } from '../../src/ask/reading';
import { understand, type AskContext, type Understanding } from '../../src/ask/understand';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** Slot columns of questions.csv, each as a string ('' when the question names none). */
export const SLOT_COLUMNS = [
  'plan',
  'ref',
  'service',
  'post',
  'person',
  'statuses',
  'since',
  'until',
  'meeting',
  'schedule',
] as const;

type SlotColumn = (typeof SLOT_COLUMNS)[number];

/** One line of questions.csv: a question as a chair or officer wrote it, and its reading. */
export interface LabelledQuestion {
  split: 'tune' | 'holdout';
  question: string;
  intent: string;
  slots: Record<SlotColumn, string>;
}

/** The labelled questions. */
export function loadQuestions(): LabelledQuestion[] {
  const rows = parse(fs.readFileSync(path.join(FIXTURES, 'questions.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  return rows.map((r) => ({
    split: r.split === 'holdout' ? 'holdout' : 'tune',
    question: r.question,
    intent: r.intent,
    slots: Object.fromEntries(SLOT_COLUMNS.map((c) => [c, r[c] ?? ''])) as Record<
      SlotColumn,
      string
    >,
  }));
}

/** The plans and people the questions are asked about, and the moment they are asked. */
export function loadQuestionContext(): AskContext {
  const raw = JSON.parse(
    fs.readFileSync(path.join(FIXTURES, 'questions-context.json'), 'utf8'),
  ) as AskFacts & { now: string; timezone: string };
  return buildAskContext(raw, new Date(raw.now), raw.timezone);
}

function columnsOf(slots: Slots, planChoices: string[] | null): Record<SlotColumn, string> {
  const schedule = slots.schedule;
  return {
    plan: planChoices ? [...planChoices].sort().join('|') : (slots.plan ?? ''),
    ref: slots.ref ?? '',
    service: slots.service ?? '',
    post: slots.post ?? '',
    person: slots.person ?? '',
    statuses: (slots.statuses ?? []).join('+'),
    since: slots.since ?? '',
    until: slots.until ?? '',
    meeting: slots.sinceLastMeeting ? 'last' : slots.untilNextMeeting ? 'next' : '',
    schedule: !schedule
      ? ''
      : schedule.kind === 'weekly'
        ? `weekly:${schedule.day}`
        : schedule.kind,
  };
}

/** What the parser made of one question, in the CSV's terms. */
export interface Verdict {
  question: LabelledQuestion;
  intent: string;
  slots: Record<SlotColumn, string>;
  intentRight: boolean;
  slotsRight: boolean;
  /** Slot columns that differ: expected → got. */
  wrongSlots: string[];
  ms: number;
}

/** Reads one question and compares it with its label. */
export function judge(question: LabelledQuestion, context: AskContext): Verdict {
  const start = process.hrtime.bigint();
  const result: Understanding = understand(question.question, context);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const intent = result.kind === 'not-understood' ? 'none' : result.best.intent;
  const choices =
    result.kind === 'unsure' && result.about === 'plan'
      ? result.readings.map((r) => r.slots.plan ?? '')
      : null;
  const slots =
    result.kind === 'not-understood' ? columnsOf({}, null) : columnsOf(result.best.slots, choices);
  const expected = { ...question.slots, plan: question.slots.plan.split('|').sort().join('|') };
  const wrongSlots = SLOT_COLUMNS.filter((c) => expected[c] !== slots[c]).map(
    (c) => `${c}: ${expected[c] || '-'} → ${slots[c] || '-'}`,
  );
  return {
    question,
    intent,
    slots,
    intentRight: intent === question.intent,
    slotsRight: wrongSlots.length === 0,
    wrongSlots,
    ms,
  };
}

/** Share of verdicts that got the intent, and every slot, right. */
export function accuracy(verdicts: Verdict[]): { intent: number; slots: number } {
  const n = Math.max(1, verdicts.length);
  return {
    intent: verdicts.filter((v) => v.intentRight).length / n,
    slots: verdicts.filter((v) => v.slotsRight).length / n,
  };
}
