import { buildChannelBriefingCard } from '../../src/cards/channel-briefing-card';
import { buildBriefing, dueBriefing } from '../../src/domain/channel-briefing';
import type { ActionUpdate } from '../../src/domain/action';
import { HOSTILE_TEXTS, sampleActions, samplePlan } from '../support/sample-data';
import { expectLiteral, expectSoundCard, visibleText } from './card-checks';

const NOW = new Date('2022-03-01T09:30:00Z');

function update(
  ref: string,
  at: string,
  from: ActionUpdate['statusFrom'],
  to: ActionUpdate['statusTo'],
): ActionUpdate {
  return {
    id: `${ref}-${at}`,
    planId: samplePlan.id,
    ref,
    at,
    by: 'priya@council.example',
    byName: 'Priya Shah',
    statusFrom: from,
    statusTo: to,
    note: 'A private note',
    dueFrom: null,
    dueTo: null,
    reason: null,
    source: 'card',
  };
}

describe('channel summary', () => {
  const plan = { ...samplePlan, meetings: ['2022-02-01', '2022-03-15'] };
  const updates = [
    update('2', '2022-02-10T10:00:00Z', 'on-track', 'at-risk'),
    update('2', '2022-02-20T10:00:00Z', 'at-risk', 'off-track'),
    update('4', '2022-01-10T10:00:00Z', 'not-started', 'on-track'),
  ];

  it('says what moved since the last meeting, what is overdue and what is due before the next', () => {
    const briefing = buildBriefing(plan, sampleActions, updates, NOW);
    expect(briefing.moved).toEqual([
      { ref: '2', owners: sampleActions[1].owners, statusFrom: 'on-track', statusTo: 'off-track' },
    ]);
    expect(briefing.overdue.map((o) => o.ref)).toEqual(['2']);
    expect(briefing.periodLabel).toBe('Before the meeting on 15 March 2022');
    const card = buildChannelBriefingCard(briefing);
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('What moved: 1 action');
    expect(text).toContain('Head of Democratic Services');
    expect(text).not.toMatch(/Priya|priya@|private note|Sam Okafor/);
  });

  it('shows plan titles and post titles literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const briefing = buildBriefing(
        { ...plan, title: `Plan ${hostile}` },
        sampleActions.map((a) => ({ ...a, owners: [`Head of ${hostile}`] })),
        updates,
        NOW,
      );
      const card = buildChannelBriefingCard(briefing);
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Plan ${hostile}`);
    }
  });

  it('is due once a week on its day and once before each meeting', () => {
    const times = { hour: 8, daysBefore: 5, timezone: 'Europe/London' };
    const weekly = { schedule: { kind: 'weekly' as const, day: 'monday' as const } };
    expect(dueBriefing(weekly, plan, new Date('2026-11-30T08:00:00Z'), times)).toBe('2026-W49');
    expect(dueBriefing(weekly, plan, new Date('2026-11-30T07:59:00Z'), times)).toBeNull();
    expect(dueBriefing(weekly, plan, new Date('2026-12-01T08:00:00Z'), times)).toBeNull();
    // Easter Monday 2027 is a bank holiday: Tuesday instead.
    expect(dueBriefing(weekly, plan, new Date('2027-03-29T08:00:00+01:00'), times)).toBeNull();
    expect(dueBriefing(weekly, plan, new Date('2027-03-30T08:00:00+01:00'), times)).toBe(
      '2027-W13',
    );
    const before = { schedule: { kind: 'before-meeting' as const } };
    const meetings = { meetings: ['2027-01-14'] };
    // Five days before Thursday 14 January is Saturday 9: the first working day is Monday 11.
    expect(dueBriefing(before, meetings, new Date('2027-01-08T09:00:00Z'), times)).toBeNull();
    expect(dueBriefing(before, meetings, new Date('2027-01-11T09:00:00Z'), times)).toBe(
      'meeting-2027-01-14',
    );
    expect(dueBriefing(before, meetings, new Date('2027-01-12T09:00:00Z'), times)).toBeNull();
    expect(
      dueBriefing(before, { meetings: [] }, new Date('2027-01-11T09:00:00Z'), times),
    ).toBeNull();
  });
});
