import path from 'node:path';
import type { Action, Plan } from '../../src/domain/action';
import {
  DEFAULT_NUDGE_POLICY,
  isNudgeTime,
  isReachable,
  isSnoozed,
  isWorkingDay,
  nudgeReasonFor,
  nudgeRunKey,
  nudgesDue,
  promptKey,
  type NudgePolicy,
} from '../../src/domain/nudge-policy';
import type { Person } from '../../src/domain/person';
import { readPlanFile } from '../../src/import/read-plan-file';
import { POSTS, samplePeople, samplePlan } from '../support/sample-data';

const FIXTURE = path.join(__dirname, '..', 'fixtures', '000_77f21607da4671ce.txt');
const policy: NudgePolicy = DEFAULT_NUDGE_POLICY;
const TODAY = '2026-11-25'; // a Wednesday

function open(fields: Partial<Action> = {}): Action {
  return {
    planId: 'plan',
    ref: '1',
    recommendation: 'R',
    proposedAction: 'P',
    owners: [POSTS.democratic],
    budget: '',
    timescale: '',
    due: null,
    revisedDue: null,
    revisedReason: null,
    status: 'on-track',
    lastUpdateAt: '2026-11-20T10:00:00.000Z',
    lastUpdateBy: null,
    lastNote: null,
    version: 'v',
    ...fields,
  };
}

const prompted = (date: string): { date: string } => ({ date });

describe('DEFAULT_NUDGE_POLICY', () => {
  it('prompts at nine, two weeks ahead, after a month without news, London time', () => {
    expect(DEFAULT_NUDGE_POLICY).toEqual({
      hour: 9,
      daysBefore: 14,
      staleDays: 30,
      timezone: 'Europe/London',
    });
  });
});

describe('isNudgeTime', () => {
  it.each([
    // The week before the clocks go forward (last Sunday of March 2026 is the 29th): GMT.
    ['2026-03-27T09:00:00Z', true],
    ['2026-03-27T08:00:00Z', false],
    // The week after: 09:00 BST is 08:00Z.
    ['2026-03-30T08:00:00Z', true],
    ['2026-03-30T08:59:59Z', true],
    ['2026-03-30T09:00:00Z', false],
    // The week before the clocks go back (25 October 2026): still BST.
    ['2026-10-23T08:00:00Z', true],
    ['2026-10-23T09:00:00Z', false],
    // The week after: GMT again.
    ['2026-10-26T09:00:00Z', true],
    ['2026-10-26T08:00:00Z', false],
  ])('%s → %s', (instant, expected) => {
    expect(isNudgeTime(new Date(instant), policy)).toBe(expected);
  });

  it('never at weekends or on bank holidays', () => {
    expect(isNudgeTime(new Date('2026-03-29T08:00:00Z'), policy)).toBe(false); // Sunday
    expect(isNudgeTime(new Date('2026-03-28T09:00:00Z'), policy)).toBe(false); // Saturday
    expect(isNudgeTime(new Date('2026-04-03T08:00:00Z'), policy)).toBe(false); // Good Friday
    expect(isNudgeTime(new Date('2026-12-28T09:00:00Z'), policy)).toBe(false); // Boxing Day sub
    expect(isWorkingDay('2026-04-03')).toBe(false);
  });

  it('uses the working day in the time zone, not in UTC', () => {
    // 00:30 on Monday in Auckland is Sunday in UTC.
    const auckland = { hour: 0, timezone: 'Pacific/Auckland' };
    expect(isNudgeTime(new Date('2026-11-22T11:30:00Z'), auckland)).toBe(true);
  });

  it('names a run by its local date', () => {
    expect(nudgeRunKey(new Date('2026-06-30T23:30:00Z'), policy)).toBe('2026-07-01');
  });
});

describe('nudgeReasonFor', () => {
  it('never prompts about complete actions, however late or quiet', () => {
    const done = open({ status: 'complete', due: '2021-11-30', lastUpdateAt: null });
    expect(nudgeReasonFor(done, null, TODAY, policy, '2021-09-10T10:00:00Z')).toBeNull();
  });

  describe('due soon', () => {
    it('prompts when the due date is exactly daysBefore away', () => {
      expect(nudgeReasonFor(open({ due: '2026-12-09' }), null, TODAY, policy)).toBe('due-soon');
      expect(nudgeReasonFor(open({ due: '2026-12-10' }), null, TODAY, policy)).toBeNull();
    });

    it('catches up a window that opened at the weekend, once', () => {
      // The window for 5 December opened on Saturday 21 November.
      const action = open({ due: '2026-12-05' });
      expect(nudgeReasonFor(action, null, '2026-11-23', policy)).toBe('due-soon');
      expect(nudgeReasonFor(action, prompted('2026-11-23'), '2026-11-24', policy)).toBeNull();
      expect(nudgeReasonFor(action, prompted('2026-11-23'), '2026-12-04', policy)).toBeNull();
    });

    it('does not count a prompt from before the window', () => {
      const action = open({ due: '2026-12-05' });
      expect(nudgeReasonFor(action, prompted('2026-11-20'), TODAY, policy)).toBe('due-soon');
    });

    it('is off when daysBefore is 0', () => {
      const none = { ...policy, daysBefore: 0 };
      expect(nudgeReasonFor(open({ due: '2026-11-26' }), null, TODAY, none)).toBeNull();
    });
  });

  describe('due today', () => {
    it('prompts on the day, even after a due-soon prompt', () => {
      const action = open({ due: TODAY });
      expect(nudgeReasonFor(action, null, TODAY, policy)).toBe('due-today');
      expect(nudgeReasonFor(action, prompted('2026-11-11'), TODAY, policy)).toBe('due-today');
    });

    it('prompts once: a second run the same day sends nothing', () => {
      expect(nudgeReasonFor(open({ due: TODAY }), prompted(TODAY), TODAY, policy)).toBeNull();
    });
  });

  describe('overdue', () => {
    it('prompts the first run after the due date', () => {
      const action = open({ due: '2026-11-24' });
      expect(nudgeReasonFor(action, null, TODAY, policy)).toBe('overdue');
      // The last prompt was the due-soon one, before the due date.
      expect(nudgeReasonFor(action, prompted('2026-11-20'), TODAY, policy)).toBe('overdue');
    });

    it('then weekly', () => {
      const action = open({ due: '2026-11-01' });
      expect(nudgeReasonFor(action, prompted('2026-11-19'), TODAY, policy)).toBeNull();
      expect(nudgeReasonFor(action, prompted('2026-11-18'), TODAY, policy)).toBe('overdue');
      expect(nudgeReasonFor(action, prompted('2026-11-02'), TODAY, policy)).toBe('overdue');
    });

    it('waits a week after the due-today prompt', () => {
      const action = open({ due: '2026-11-23' });
      expect(nudgeReasonFor(action, prompted('2026-11-23'), TODAY, policy)).toBeNull();
      expect(nudgeReasonFor(action, prompted('2026-11-23'), '2026-11-30', policy)).toBe('overdue');
    });

    it('goes by the revised due date when there is one', () => {
      const revised = open({ due: '2021-11-30', revisedDue: '2027-06-30' });
      expect(nudgeReasonFor(revised, null, TODAY, policy)).toBeNull();
      const lateAgain = open({ due: '2026-12-31', revisedDue: '2026-11-20' });
      expect(nudgeReasonFor(lateAgain, null, TODAY, policy)).toBe('overdue');
    });

    it('is not also a no-update prompt between the weekly ones', () => {
      const quiet = open({ due: '2026-09-01', lastUpdateAt: '2026-01-01T10:00:00Z' });
      expect(nudgeReasonFor(quiet, prompted('2026-11-20'), TODAY, policy)).toBeNull();
    });
  });

  describe('no update', () => {
    it('prompts after staleDays without an update', () => {
      const quiet = open({ lastUpdateAt: '2026-10-26T10:00:00Z' }); // 30 days
      expect(nudgeReasonFor(quiet, null, TODAY, policy)).toBe('no-update');
      const recent = open({ lastUpdateAt: '2026-10-27T10:00:00Z' }); // 29 days
      expect(nudgeReasonFor(recent, null, TODAY, policy)).toBeNull();
    });

    it('counts from the plan import when there has been no update', () => {
      const never = open({ lastUpdateAt: null });
      expect(nudgeReasonFor(never, null, TODAY, policy, '2026-10-01T10:00:00Z')).toBe('no-update');
      expect(nudgeReasonFor(never, null, TODAY, policy, '2026-11-01T10:00:00Z')).toBeNull();
      expect(nudgeReasonFor(never, null, TODAY, policy, null)).toBeNull();
    });

    it('waits staleDays after any prompt before asking again', () => {
      const quiet = open({ lastUpdateAt: '2026-01-01T10:00:00Z' });
      expect(nudgeReasonFor(quiet, prompted('2026-11-01'), TODAY, policy)).toBeNull();
      expect(nudgeReasonFor(quiet, prompted('2026-10-26'), TODAY, policy)).toBe('no-update');
    });

    it('applies to actions due later than the due-soon window and to undated ones', () => {
      const later = open({ due: '2027-03-31', lastUpdateAt: '2026-06-01T10:00:00Z' });
      expect(nudgeReasonFor(later, null, TODAY, policy)).toBe('no-update');
      const ongoing = open({ due: null, lastUpdateAt: '2026-06-01T10:00:00Z' });
      expect(nudgeReasonFor(ongoing, null, TODAY, policy)).toBe('no-update');
    });
  });
});

function person(fields: Partial<Person> & Pick<Person, 'email' | 'name'>): Person {
  return { ...samplePeople.chair, posts: [], roles: ['officer'], ...fields };
}

describe('nudgesDue', () => {
  const NOW = new Date('2022-03-01T09:00:00Z'); // Tuesday, 09:00 GMT
  let seed: { action: Action; plan: Plan }[];

  beforeAll(async () => {
    const imported = await readPlanFile(FIXTURE);
    const plan: Plan = { ...samplePlan, id: imported.plan.id, title: imported.plan.title };
    seed = imported.actions.map((a) => ({
      plan,
      action: {
        ...a,
        planId: plan.id,
        revisedDue: null,
        revisedReason: null,
        lastUpdateAt: null,
        lastUpdateBy: null,
        lastNote: null,
        version: 'v',
      },
    }));
  });

  const run = (people: Person[], lastPrompts = new Map<string, string>(), now = NOW) =>
    nudgesDue({ actions: seed, people, lastPrompts, now, policy });

  it('prompts both holders of the seed plan’s action 4 (due November 2021) as overdue', () => {
    const batches = run([samplePeople.marketing, samplePeople.democratic]);
    expect(batches.map((b) => b.person.email)).toEqual([
      samplePeople.marketing.email,
      samplePeople.democratic.email,
    ]);
    for (const batch of batches) {
      // Actions 1 and 3 are complete; 4 is the latest, so it comes first.
      expect(batch.items.map((i) => [i.action.ref, i.reason, i.daysLate])).toEqual([
        ['4', 'overdue', 91],
        ['2', 'overdue', 29],
      ]);
      expect(batch.items[0].action.due).toBe('2021-11-30');
      expect(batch.items[0].action.owners).toEqual([POSTS.marketing, POSTS.democratic]);
    }
  });

  it('sends one batch per person per run, however many posts match an action', () => {
    const both = { ...samplePeople.democratic, posts: [POSTS.democratic, POSTS.marketing] };
    const batches = run([both, both]);
    expect(batches).toHaveLength(1);
    expect(batches[0].items.map((i) => i.action.ref)).toEqual(['4', '2']);
  });

  it('leaves out what each person was prompted about this week', () => {
    const lastPrompts = new Map([
      [promptKey(samplePeople.marketing.email, seed[3].plan.id, '4'), '2022-02-25'],
      [promptKey(samplePeople.marketing.email, seed[1].plan.id, '2'), '2022-02-25'],
    ]);
    const batches = run([samplePeople.marketing, samplePeople.democratic], lastPrompts);
    expect(batches.map((b) => b.person.email)).toEqual([samplePeople.democratic.email]);
    // A week on, they are prompted again.
    const later = run([samplePeople.marketing], lastPrompts, new Date('2022-03-04T09:00:00Z'));
    expect(later[0].items.map((i) => i.action.ref)).toEqual(['4', '2']);
  });

  it('respects a person’s snoozes until they end', () => {
    const snoozes = { [`${seed[3].plan.id}/4`]: '2022-03-08T09:00:00.000Z' };
    const snoozer = { ...samplePeople.marketing, snoozes };
    const [mine, theirs] = run([snoozer, samplePeople.democratic]);
    expect(mine.items.map((i) => i.action.ref)).toEqual(['2']);
    expect(theirs.items.map((i) => i.action.ref)).toEqual(['4', '2']);
    const after = run([snoozer], new Map(), new Date('2022-03-08T09:00:00Z'));
    expect(after[0].items.map((i) => i.action.ref)).toEqual(['4', '2']);
    expect(isSnoozed(snoozer, seed[3].plan.id, '4', NOW)).toBe(true);
    expect(isSnoozed({ snoozes: { 'p/1': 'garbage' } }, 'p', '1', NOW)).toBe(false);
  });

  it('returns people it cannot reach, marked, and skips people with nothing to do', () => {
    const unreached = {
      ...samplePeople.democratic,
      conversationReference: null,
      aadObjectId: null,
    };
    const connected = { ...samplePeople.marketing, conversationReference: { id: 'c' } };
    const idle = person({ email: 'idle@council.example', name: 'Idle', posts: ['Head of Parks'] });
    const batches = run([unreached, connected, idle]);
    expect(batches.map((b) => [b.person.email, b.reachable])).toEqual([
      [connected.email, true],
      [unreached.email, false],
    ]);
    expect(isReachable({ conversationReference: null, aadObjectId: 'aad' })).toBe(true);
  });

  it('orders overdue, due today, due soon, then no recent update', () => {
    const plan = seed[0].plan;
    const mk = (ref: string, fields: Partial<Action>) => ({
      plan,
      action: open({ planId: plan.id, ref, owners: ['Parks Manager'], ...fields }),
    });
    const now = new Date('2026-11-25T09:00:00Z');
    const batches = nudgesDue({
      actions: [
        mk('1', { due: null, lastUpdateAt: '2026-01-01T00:00:00Z' }),
        mk('2', { due: '2026-12-01' }),
        mk('3', { due: '2026-11-25' }),
        mk('4', { due: '2026-11-20' }),
        mk('5', { due: '2026-11-27' }),
        mk('6', { due: '2026-10-01' }),
        mk('7', { due: '2026-12-01', status: 'complete' }),
      ],
      people: [person({ email: 'Parks@Council.example', name: 'Parks', posts: ['parks manager'] })],
      lastPrompts: new Map(),
      now,
      policy,
    });
    expect(batches[0].items.map((i) => `${i.action.ref}:${i.reason}`)).toEqual([
      '6:overdue',
      '4:overdue',
      '3:due-today',
      '5:due-soon',
      '2:due-soon',
      '1:no-update',
    ]);
  });

  it('keys last prompts by lower-cased email, plan and ref', () => {
    expect(promptKey(' Sam.Okafor@Council.example ', 'plan', '4')).toBe(
      'sam.okafor@council.example|plan|4',
    );
  });
});

describe('paused actions', () => {
  const policy = { hour: 9, daysBefore: 14, staleDays: 30, timezone: 'Europe/London' };
  const paused = {
    status: 'paused' as const,
    due: '2022-01-31',
    revisedDue: null,
    lastUpdateAt: '2021-10-01T09:00:00Z',
    reviewDate: '2022-03-07',
  };

  it('are not chased, however late or quiet, until their review date', () => {
    expect(nudgeReasonFor(paused, null, '2022-03-04', policy)).toBeNull();
    expect(nudgeReasonFor({ ...paused, reviewDate: null }, null, '2022-03-04', policy)).toBeNull();
  });

  it('prompt again on the review date, once', () => {
    expect(nudgeReasonFor(paused, null, '2022-03-07', policy)).toBe('paused-review');
    expect(nudgeReasonFor(paused, { date: '2022-03-07' }, '2022-03-08', policy)).toBeNull();
    // A review date that fell at a weekend is caught up on the next run.
    expect(nudgeReasonFor(paused, { date: '2022-02-01' }, '2022-03-09', policy)).toBe(
      'paused-review',
    );
  });

  it.each(['not-agreed', 'superseded'] as const)('never chase %s actions', (status) => {
    expect(nudgeReasonFor({ ...paused, status }, null, '2022-03-07', policy)).toBeNull();
  });
});
