import {
  briefingSummary,
  digestSummary,
  nudgeSummary,
} from '../../src/domain/notification-summary';
import type { NudgeReason } from '../../src/domain/nudge-policy';

const item = (ref: string, reason: NudgeReason) => ({ reason, action: { ref } });

describe('what a notification says instead of "Sent a card"', () => {
  it('names the one action a prompt is about, and why', () => {
    expect(nudgeSummary([item('4', 'overdue')])).toBe('Action 4 is overdue');
    expect(nudgeSummary([item('R2.1', 'due-today')])).toBe('Action R2.1 is due today');
    expect(nudgeSummary([item('7', 'due-soon')])).toBe('Action 7 is due soon');
    expect(nudgeSummary([item('7', 'no-update')])).toBe('Action 7 has had no update for a while');
    expect(nudgeSummary([item('7', 'paused-review')])).toBe('Action 7 has reached its review date');
  });

  it('counts several actions by why they need an update, the most pressing first', () => {
    expect(
      nudgeSummary([
        item('1', 'due-soon'),
        item('2', 'overdue'),
        item('3', 'due-soon'),
        item('4', 'no-update'),
      ]),
    ).toBe('4 actions need an update: 1 overdue, 2 due soon, 1 with no recent update');
    expect(nudgeSummary([item('1', 'due-today'), item('2', 'due-today')])).toBe(
      '2 actions need an update: 2 due today',
    );
  });

  it('says what a digest holds, or that nothing changed', () => {
    const base = {
      title: 'Weekly digest: Governance',
      periodLabel: 'Week to 7 March 2022',
      changed: [],
      overdue: [],
      dueSoon: [],
      notAnswered: [],
    };
    expect(digestSummary(base)).toBe(
      'Weekly digest: Governance (Week to 7 March 2022) – no change',
    );
    const one = { planTitle: 'P', ref: '1', owners: [], daysLate: 3 };
    expect(
      digestSummary({
        ...base,
        changed: [
          {
            planTitle: 'P',
            ref: '1',
            byName: 'A',
            at: '',
            statusFrom: null,
            statusTo: 'on-track',
            note: null,
          },
        ],
        overdue: [one, one],
        dueSoon: [{ planTitle: 'P', ref: '2', owners: [], due: '2022-03-10', daysLeft: 3 }],
        notAnswered: [{ name: 'A', email: 'a@x', refs: ['1'], waitingDays: 3 }],
      }),
    ).toBe(
      'Weekly digest: Governance (Week to 7 March 2022) – 1 update, 2 overdue, 1 due in the next 14 days, 1 not answered',
    );
  });

  it('sums up a channel’s plan summary without naming anyone', () => {
    const briefing = {
      planTitle: 'Members’ communications plan',
      moved: [
        {
          ref: '1',
          owners: ['Head of Marketing'],
          statusFrom: null,
          statusTo: 'on-track' as const,
        },
      ],
      overdue: [],
      dueSoon: [
        { ref: '2', owners: ['Head of Marketing'], due: '2027-01-10' },
        { ref: '3', owners: ['Head of Marketing'], due: '2027-01-11' },
      ],
      dueBy: 'the meeting on 12 January 2027',
    };
    const text = briefingSummary(briefing);
    expect(text).toBe(
      'Members’ communications plan – 1 moved, 2 due by the meeting on 12 January 2027',
    );
    expect(text).not.toContain('Head of');
    expect(briefingSummary({ ...briefing, moved: [], dueSoon: [] })).toBe(
      'Members’ communications plan – no change, nothing overdue',
    );
  });
});
