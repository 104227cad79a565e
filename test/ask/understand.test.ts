import { buildAskContext } from '../../src/ask/context';
import { findDateRange } from '../../src/ask/date-phrases';
import { shortPlanName } from '../../src/ask/plan-names';
import { normaliseQuestion } from '../../src/ask/text';
import { understand } from '../../src/ask/understand';
import { loadQuestionContext } from '../support/question-set';

const NOW = new Date('2026-11-25T10:00:00Z');
const TZ = 'Europe/London';
const range = (text: string) => findDateRange(normaliseQuestion(text), NOW, TZ)?.value ?? null;

describe('date phrases (UK order, now passed in)', () => {
  it.each([
    ['since 1 October', { since: '2026-10-01' }],
    ['since 3/10', { since: '2026-10-03' }],
    ['since 1 December', { since: '2025-12-01' }],
    ['this month', { since: '2026-11-01', until: '2026-11-30' }],
    ['last week', { since: '2026-11-16', until: '2026-11-22' }],
    ['this financial year', { since: '2026-04-01', until: '2027-03-31' }],
    ['since Monday', { since: '2026-11-23' }],
    ['due by 31 March', { until: '2027-03-31' }],
    ['since the last meeting', { sinceLastMeeting: true }],
    ['before the next meeting', { untilNextMeeting: true }],
  ])('%s', (text, expected) => {
    expect(range(text)).toEqual(expected);
  });

  it('finds no date where there is none', () => {
    expect(range('may I see the comms plan')).toBeNull();
    expect(range('how is the plan going')).toBeNull();
  });
});

describe('understanding questions', () => {
  const context = loadQuestionContext();

  it('finds a plan by acronym, short form, committee, topic and with typos', () => {
    const planOf = (q: string) => {
      const u = understand(q, context);
      return u.kind === 'understood' ? u.best.slots.plan : null;
    };
    expect(planOf('how is the CPC plan')).toBe('corporate-peer-challenge');
    expect(planOf('how is the comms plan')).toBe('members-communications');
    expect(planOf('how is the Environment Scrutiny Panel plan')).toBe('waste-and-recycling-review');
    expect(planOf('how is the social media one going')).toBe('members-communications');
    expect(planOf('how is the memebers comunications plan')).toBe('members-communications');
    expect(planOf('HOW IS THE WASTE PLAN???')).toBe('waste-and-recycling-review');
  });

  it('offers the plans a shared word could mean', () => {
    const u = understand('how is the improvement plan going', context);
    expect(u.kind).toBe('unsure');
    if (u.kind !== 'unsure') return;
    expect(u.about).toBe('plan');
    expect(u.readings.map((r) => r.slots.plan).sort()).toEqual([
      'childrens-services-improvement-plan',
      'send-improvement-plan',
    ]);
  });

  it('reads one action, a status filter, a person and a schedule', () => {
    expect(understand('how is rec 4 going on the comms plan', context)).toEqual({
      kind: 'understood',
      best: { intent: 'action', slots: { ref: '4', plan: 'members-communications' } },
    });
    expect(understand('anything off track for democratic services', context)).toEqual({
      kind: 'understood',
      best: {
        intent: 'status',
        slots: { statuses: ['off-track'], service: 'Democratic Services' },
      },
    });
    expect(understand("show me Megan's actions", context)).toEqual({
      kind: 'understood',
      best: { intent: 'owned', slots: { person: 'meganb@example.com' } },
    });
    expect(understand('post the comms plan here every Monday', context)).toEqual({
      kind: 'understood',
      best: {
        intent: 'subscribe',
        slots: { plan: 'members-communications', schedule: { kind: 'weekly', day: 'monday' } },
      },
    });
  });

  it('does not take progress notes or chatter for questions', () => {
    for (const text of [
      'Framework delayed until March',
      'Delayed again',
      'what can you do for me',
      '',
    ]) {
      expect(understand(text, context).kind).toBe('not-understood');
    }
  });

  it('offers the close readings when two intents fit equally', () => {
    const u = understand('comms plan overdue or due soon', context);
    expect(u.kind).toBe('unsure');
    if (u.kind !== 'unsure') return;
    expect(u.readings.map((r) => r.intent)).toEqual(
      expect.arrayContaining(['overdue', 'due-soon']),
    );
  });

  it('works with a single plan and an empty directory', () => {
    const one = buildAskContext(
      {
        plans: [{ id: 'p', title: 'Highways Review', committee: null, texts: [] }],
        people: [],
        ownerPosts: [],
      },
      NOW,
      TZ,
    );
    expect(understand('what is overdue on the highways plan', one)).toEqual({
      kind: 'understood',
      best: { intent: 'overdue', slots: { plan: 'p' } },
    });
  });
});

describe('plan names in sentences', () => {
  it('drops the committee and "action plan", and tames capitals', () => {
    expect(
      shortPlanName({
        title: "AD HOC SCRUTINY PANEL MEMBERS' COMMUNICATIONS - ACTION PLAN",
        committee: 'Ad Hoc Scrutiny Panel',
      }),
    ).toBe("Members' Communications");
    expect(
      shortPlanName({ title: 'Waste and Recycling Review - Action Plan', committee: null }),
    ).toBe('Waste and Recycling');
  });
});
