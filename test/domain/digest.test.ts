import type { Action, ActionUpdate, Plan } from '../../src/domain/action';
import {
  buildPlanDigest,
  buildServiceDigest,
  changedEntries,
  digestRunKey,
  isDigestTime,
  type DigestPrompt,
} from '../../src/domain/digest';
import type { Person } from '../../src/domain/person';
import { POSTS, samplePeople, samplePlan } from '../support/sample-data';

const NOW = new Date('2026-11-25T09:00:00Z'); // Wednesday
const COMMITTEE = 'Committee Services Manager';
const PARKS = 'Parks Manager';

const otherPlan: Plan = {
  ...samplePlan,
  id: 'parks',
  title: 'Parks review',
  chairDigestEmails: [],
};

function action(plan: Plan, ref: string, fields: Partial<Action>): { action: Action; plan: Plan } {
  return {
    plan,
    action: {
      planId: plan.id,
      ref,
      recommendation: 'R',
      proposedAction: 'P',
      owners: [POSTS.democratic],
      budget: '',
      timescale: '',
      due: null,
      revisedDue: null,
      revisedReason: null,
      status: 'on-track',
      lastUpdateAt: null,
      lastUpdateBy: null,
      lastNote: null,
      version: 'v',
      ...fields,
    },
  };
}

const connected = { conversationReference: { id: 'conv' } };
const head: Person = { ...samplePeople.democratic, ...connected };
const clerk: Person = {
  ...samplePeople.democratic,
  email: 'kim.lee@council.example',
  name: 'Kim Lee',
  posts: [COMMITTEE],
  service: 'democratic services ', // case and spacing differ from the head's
  roles: ['officer'],
  unreachable: { at: '2026-11-24T09:00:00Z', reason: 'Blocked the bot' },
};
const newcomer: Person = {
  ...clerk,
  email: 'new.starter@council.example',
  name: 'New Starter',
  posts: ['Electoral Services Officer'],
  unreachable: null,
  conversationReference: null,
  aadObjectId: null,
};
const marketing: Person = { ...samplePeople.marketing, ...connected };
const parks: Person = {
  ...marketing,
  email: 'pat@council.example',
  name: 'Pat',
  posts: [PARKS],
  service: 'Parks',
  conversationReference: null,
};
const people = [head, clerk, newcomer, marketing, parks];

const actions = [
  action(samplePlan, '1', { owners: [POSTS.marketing], status: 'at-risk' }),
  action(samplePlan, '2', { owners: [POSTS.marketing, POSTS.democratic], status: 'off-track' }),
  action(samplePlan, '3', { status: 'complete', due: '2026-01-31' }),
  action(samplePlan, '4', {
    owners: [POSTS.marketing, POSTS.democratic],
    due: '2026-09-30', // 56 days late
  }),
  action(otherPlan, '1', { owners: [COMMITTEE], due: '2026-11-20', status: 'not-started' }),
  action(otherPlan, '2', { owners: [PARKS], due: '2026-01-01' }),
];

let seq = 0;
function update(plan: Plan, ref: string, fields: Partial<ActionUpdate>): ActionUpdate {
  seq += 1;
  return {
    id: `u${seq}`,
    planId: plan.id,
    ref,
    at: '2026-11-24T10:00:00.000Z',
    by: head.email,
    byName: head.name,
    statusFrom: 'on-track',
    statusTo: 'at-risk',
    note: null,
    dueFrom: null,
    dueTo: null,
    reason: null,
    source: 'card',
    ...fields,
  };
}

const updates = [
  update(samplePlan, '2', { at: '2026-11-20T10:00:00.000Z', note: 'Paper goes in March.' }),
  update(samplePlan, '4', { at: '2026-11-23T16:00:00.000Z', source: 'reply', note: 'Drafting' }),
  update(samplePlan, '4', { at: '2026-11-25T08:00:00.000Z', source: 'import' }),
  update(samplePlan, '2', { at: '2026-11-10T10:00:00.000Z', note: 'Too old' }),
  update(samplePlan, '1', { at: '2026-11-24T10:00:00.000Z', note: 'Marketing only' }),
  update(otherPlan, '2', { at: '2026-11-24T10:00:00.000Z', note: 'Parks only' }),
];

const prompts: DigestPrompt[] = [
  // Answered by an update after the prompt.
  { email: head.email, planId: samplePlan.id, ref: '4', sentAt: '2026-11-23T09:00:00Z' },
  // Not answered.
  { email: clerk.email, planId: otherPlan.id, ref: '1', sentAt: '2026-11-23T09:00:00Z' },
  // The head updated action 2 before this prompt, not after.
  { email: head.email, planId: samplePlan.id, ref: '2', sentAt: '2026-11-23T09:00:00Z' },
  { email: head.email, planId: samplePlan.id, ref: '2', sentAt: '2026-11-24T09:00:00Z' },
  // Marked answered by the caller.
  {
    email: clerk.email,
    planId: samplePlan.id,
    ref: '4',
    sentAt: '2026-11-23T09:00:00Z',
    answered: true,
  },
  // Too old, another service, a complete action.
  { email: clerk.email, planId: otherPlan.id, ref: '1', sentAt: '2026-11-10T09:00:00Z' },
  { email: parks.email, planId: otherPlan.id, ref: '2', sentAt: '2026-11-23T09:00:00Z' },
  { email: head.email, planId: samplePlan.id, ref: '3', sentAt: '2026-11-23T09:00:00Z' },
];

const input = {
  head,
  people,
  actions,
  updates,
  prompts,
  now: NOW,
  escalateDays: 28,
  timezone: 'Europe/London',
};

describe('buildServiceDigest', () => {
  const digest = buildServiceDigest(input);

  it('is titled by the service and the week', () => {
    expect(digest.title).toBe('Weekly digest: Democratic Services');
    expect(digest.heading).toBe('Weekly digest');
    expect(digest.subject).toBe('Democratic Services');
    expect(digest.periodLabel).toBe('Week to 25 November 2026');
    expect(digest.timezone).toBe('Europe/London');
  });

  it('counts the actions owned by posts of the service’s people, and no others', () => {
    expect(digest.counts).toEqual({
      'not-started': 1, // the clerk's
      'on-track': 1, // 4
      'at-risk': 0, // 1 belongs to marketing alone
      'off-track': 1, // 2, shared with marketing
      paused: 0,
      complete: 1, // 3
      'not-agreed': 0,
      superseded: 0,
    });
  });

  it('lists this week’s updates newest first, without imports or other services', () => {
    expect(digest.changed).toEqual([
      {
        planTitle: samplePlan.title,
        ref: '4',
        byName: head.name,
        at: '2026-11-23T16:00:00.000Z',
        statusFrom: 'on-track',
        statusTo: 'at-risk',
        note: 'Drafting',
      },
      expect.objectContaining({ ref: '2', note: 'Paper goes in March.' }),
    ]);
  });

  it('lists overdue actions latest first, and escalates those past escalateDays', () => {
    expect(digest.overdue).toEqual([
      {
        planTitle: samplePlan.title,
        ref: '4',
        owners: [POSTS.marketing, POSTS.democratic],
        daysLate: 56,
      },
      { planTitle: 'Parks review', ref: '1', owners: [COMMITTEE], daysLate: 5 },
    ]);
    expect(digest.escalate.map((e) => [e.ref, e.daysLate])).toEqual([['4', 56]]);
  });

  it('names the service’s people who have not answered a prompt, longest waiting first', () => {
    // Kim was first asked on 10 November and has not answered since; the head updated action 2
    // on the 20th, before the prompts of the 23rd and 24th.
    expect(digest.notAnswered).toEqual([
      { name: 'Kim Lee', email: clerk.email, refs: ['1'], waitingDays: 15 },
      { name: head.name, email: head.email, refs: ['2'], waitingDays: 2 },
    ]);
  });

  it('stops chasing a prompt older than four weeks, or one answered since', () => {
    const old: DigestPrompt = {
      email: clerk.email,
      planId: otherPlan.id,
      ref: '1',
      sentAt: '2026-10-20T09:00:00Z',
    };
    const answered = update(otherPlan, '1', { at: '2026-11-24T12:00:00.000Z', by: clerk.email });
    expect(buildServiceDigest({ ...input, prompts: [old] }).notAnswered).toEqual([]);
    expect(
      buildServiceDigest({ ...input, updates: [...updates, answered] }).notAnswered.map(
        (n) => n.name,
      ),
    ).toEqual([head.name]);
  });

  it('lists what falls due in the next 14 days, soonest first, open actions only', () => {
    const due = (ref: string, fields: Partial<Action>) =>
      action(samplePlan, ref, { owners: [POSTS.democratic], ...fields });
    const soon = buildServiceDigest({
      ...input,
      actions: [
        due('10', { due: '2026-12-09' }), // in 14 days
        due('11', { due: '2026-12-10' }), // in 15 days: not yet
        due('12', { due: '2026-11-25' }), // today
        due('13', { due: '2026-11-01', revisedDue: '2026-11-30' }), // moved to in 5 days
        due('14', { due: '2026-11-30', status: 'complete' }),
        due('15', { due: '2026-11-30', status: 'paused' }),
        due('16', { due: '2026-11-24' }), // overdue, listed as such
      ],
    });
    expect(soon.dueSoon).toEqual([
      {
        planTitle: samplePlan.title,
        ref: '12',
        owners: [POSTS.democratic],
        due: '2026-11-25',
        daysLeft: 0,
      },
      expect.objectContaining({ ref: '13', due: '2026-11-30', daysLeft: 5 }),
      expect.objectContaining({ ref: '10', due: '2026-12-09', daysLeft: 14 }),
    ]);
    expect(soon.overdue.map((o) => o.ref)).toEqual(['16']);
  });

  it('names the service’s people the bot cannot reach, and why', () => {
    expect(digest.unreachable).toEqual([
      { name: 'Kim Lee', email: clerk.email, reason: 'Blocked the bot' },
      { name: 'New Starter', email: newcomer.email, reason: 'Has not used the bot in Teams yet' },
    ]);
  });

  it('covers only the head’s own posts when they have no service', () => {
    const alone = buildServiceDigest({ ...input, head: { ...head, service: null } });
    expect(alone.title).toBe(`Weekly digest: ${head.name}`);
    expect(alone.overdue.map((o) => o.ref)).toEqual(['4']);
    expect(alone.unreachable).toEqual([]);
  });

  it('is all zeros and empty lists for a quiet service', () => {
    const quiet = buildServiceDigest({ ...input, actions: [], updates: [], prompts: [] });
    expect(Object.values(quiet.counts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect([
      quiet.changed,
      quiet.overdue,
      quiet.dueSoon,
      quiet.notAnswered,
      quiet.escalate,
    ]).toEqual([[], [], [], [], []]);
  });
});

describe('buildPlanDigest', () => {
  const digest = buildPlanDigest({
    ...input,
    plan: otherPlan,
    actions: actions.map((a) => a.action),
  });

  it('covers one plan only', () => {
    expect(digest.title).toBe('Weekly digest: Parks review');
    expect(digest.counts).toEqual({
      'not-started': 1,
      'on-track': 1,
      'at-risk': 0,
      'off-track': 0,
      paused: 0,
      complete: 0,
      'not-agreed': 0,
      superseded: 0,
    });
    expect(digest.changed.map((c) => c.note)).toEqual(['Parks only']);
    expect(digest.overdue.map((o) => [o.ref, o.daysLate])).toEqual([
      ['2', 328],
      ['1', 5],
    ]);
    expect(digest.escalate.map((o) => o.ref)).toEqual(['2']);
  });

  it('is titled in sentence case when the plan’s title is in block capitals', () => {
    const shouting = buildPlanDigest({
      ...input,
      plan: { ...otherPlan, title: 'PARKS REVIEW - ACTION PLAN' },
      actions: actions.map((a) => a.action),
    });
    expect(shouting.title).toBe('Weekly digest: Parks review - action plan');
    expect(shouting.subject).toBe('Parks review - action plan');
  });

  it('chases and lists the plan’s owners, whatever their service', () => {
    expect(digest.notAnswered).toEqual([
      { name: 'Kim Lee', email: clerk.email, refs: ['1'], waitingDays: 15 },
      { name: 'Pat', email: parks.email, refs: ['2'], waitingDays: 2 },
    ]);
    expect(digest.unreachable.map((u) => u.name)).toEqual(['Kim Lee', 'Pat']);
  });
});

describe('isDigestTime', () => {
  const schedule = { day: 'monday' as const, hour: 8, timezone: 'Europe/London' };

  it.each([
    ['2026-11-30T08:00:00Z', true], // Monday, GMT
    ['2026-11-30T09:00:00Z', false],
    ['2026-12-01T08:00:00Z', false], // Tuesday
    ['2026-06-01T07:00:00Z', true], // Monday, BST
    ['2026-06-01T08:00:00Z', false],
    // Spring bank holiday Monday: the digest goes on the Tuesday instead.
    ['2026-05-25T07:00:00Z', false],
    ['2026-05-26T07:00:00Z', true],
    ['2026-05-27T07:00:00Z', false],
  ])('%s → %s', (instant, expected) => {
    expect(isDigestTime(new Date(instant), schedule)).toBe(expected);
  });

  it('honours another day', () => {
    const friday = { ...schedule, day: 'friday' as const };
    expect(isDigestTime(new Date('2026-11-27T08:00:00Z'), friday)).toBe(true);
    // Christmas Day 2026 is a Friday: no later working day that week.
    expect(isDigestTime(new Date('2026-12-25T08:00:00Z'), friday)).toBe(false);
  });
});

describe('digestRunKey', () => {
  it('is the ISO week in the time zone', () => {
    expect(digestRunKey(NOW, 'Europe/London')).toBe('2026-W48');
    expect(digestRunKey(new Date('2027-01-01T12:00:00Z'), 'Europe/London')).toBe('2026-W53');
    // Sunday 23:30Z is already Monday in Berlin.
    expect(digestRunKey(new Date('2026-11-29T23:30:00Z'), 'Europe/Berlin')).toBe('2026-W49');
  });
});

describe('changedEntries', () => {
  it("lists people's updates newest first, never an import's, each named by its plan", () => {
    const older = update(samplePlan, '2', { at: '2026-11-20T10:00:00.000Z', note: 'Paper' });
    const newer = update(otherPlan, '7', { at: '2026-11-24T08:30:00+01:00', source: 'reply' });
    const imported = update(samplePlan, '3', { at: '2026-11-24T11:00:00.000Z', source: 'import' });
    const titles = new Map([[samplePlan.id, samplePlan.title]]);
    const entries = changedEntries(
      [older, imported, newer],
      (u) => titles.get(u.planId) ?? u.planId,
    );
    expect(entries).toEqual([
      {
        planTitle: 'parks',
        ref: '7',
        byName: head.name,
        at: '2026-11-24T08:30:00+01:00',
        statusFrom: 'on-track',
        statusTo: 'at-risk',
        note: null,
      },
      {
        planTitle: samplePlan.title,
        ref: '2',
        byName: head.name,
        at: '2026-11-20T10:00:00.000Z',
        statusFrom: 'on-track',
        statusTo: 'at-risk',
        note: 'Paper',
      },
    ]);
  });
});
