import { clip, LIST_NOTE_MAX } from '../../src/cards/format';
import { buildDigestCard, DIGEST_LIMITS } from '../../src/cards/digest-card';
import type { Digest } from '../../src/domain/digest';
import { HOSTILE_TEXTS, longNote, samplePlan } from '../support/sample-data';
import {
  CARD_LIMIT,
  executeActions,
  expectLiteral,
  expectSoundCard,
  jsonLength,
  ofType,
  visibleText,
  barsOf,
  expectDefaultTextColours,
} from './card-checks';

const title = samplePlan.title;

function digest(overrides: Partial<Digest> = {}): Digest {
  return {
    title: 'Weekly digest: Democratic Services',
    periodLabel: 'Week to 7 March 2022',
    counts: {
      'not-started': 1,
      'on-track': 3,
      'at-risk': 1,
      'off-track': 0,
      paused: 0,
      complete: 5,
      'not-agreed': 0,
      superseded: 0,
    },
    changed: [
      {
        planTitle: title,
        ref: '4',
        byName: 'Sam Okafor',
        at: '2022-03-04T15:20:00Z',
        statusFrom: 'off-track',
        statusTo: 'on-track',
        note: 'Draft framework shared with group leaders for comment.',
      },
      {
        planTitle: title,
        ref: '3',
        byName: 'Sam Okafor',
        at: '2022-03-02T09:00:00Z',
        statusFrom: 'complete',
        statusTo: 'complete',
        note: null,
      },
    ],
    overdue: [
      { planTitle: title, ref: '2', owners: ['Head of Democratic Services'], daysLate: 35 },
    ],
    notAnswered: [{ name: 'Priya Shah', email: 'priya.shah@council.example', refs: ['2', '4'] }],
    escalate: [
      { planTitle: title, ref: '2', owners: ['Head of Democratic Services'], daysLate: 35 },
    ],
    unreachable: [
      {
        name: 'Jo Bloggs',
        email: 'jo.bloggs@council.example',
        reason: 'The bot was removed from their Teams.',
      },
    ],
    ...overrides,
  };
}

describe('digest card', () => {
  it('shows every section with counts, changes, overdue, unanswered, escalations and unreachable people', () => {
    const card = buildDigestCard(digest());
    expectSoundCard(card);
    expect(executeActions(card)).toEqual([]);
    const text = visibleText(card);
    expect(text).toContain('Weekly digest: Democratic Services');
    expect(text).toContain('Week to 7 March 2022');
    expect(text).toContain('10 actions · 50% complete');
    expect(barsOf(card)).toEqual([
      ['#808080', 1],
      ['#2E9440', 3],
      ['#C96800', 1],
      ['#2F80DF', 5],
    ]);
    expectDefaultTextColours(card);
    expect(text).toContain('Updates: 2');
    expect(text).toContain('Off track → On track');
    expect(text).toContain('Complete (no change)');
    expect(text).toContain('4 March 2022 at 3:20pm');
    expect(text).toContain('Draft framework shared with group leaders for comment.');
    expect(text).toContain('Overdue: 1 action');
    expect(text).toContain('5 weeks late');
    expect(text).toContain('Long overdue: worth raising with the owners');
    expect(text).toContain('Prompted but not answered yet');
    expect(text).toContain(' · actions 2 and 4');
    expect(text).toContain(' (priya.shah@council.example)');
    expect(text).toContain('I couldn’t send prompts to');
    expect(text).toContain(' · The bot was removed from their Teams.');
    expect(text).not.toContain('All quiet');
  });

  it('leaves out empty sections, and says when all is quiet', () => {
    const card = buildDigestCard(
      digest({ changed: [], overdue: [], notAnswered: [], escalate: [], unreachable: [] }),
    );
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('All quiet: no updates and nothing overdue.');
    for (const heading of [
      'Updates:',
      'Overdue:',
      'Long overdue',
      'Prompted but',
      'I couldn’t send',
    ]) {
      expect(text).not.toContain(heading);
    }
  });

  it('caps each list with "…and N more" and stays under 80 KB with long notes', () => {
    const many = <T>(n: number, make: (i: number) => T): T[] =>
      Array.from({ length: n }, (_, i) => make(i));
    const card = buildDigestCard(
      digest({
        changed: many(40, (i) => ({
          planTitle: title,
          ref: String(i + 1),
          byName: 'Sam Okafor',
          at: '2022-03-04T15:20:00Z',
          statusFrom: 'on-track' as const,
          statusTo: 'at-risk' as const,
          note: longNote(4000),
        })),
        overdue: many(200, (i) => ({
          planTitle: title,
          ref: String(i),
          owners: ['Head of Democratic Services'],
          daysLate: 3,
        })),
        escalate: many(50, (i) => ({
          planTitle: title,
          ref: String(i),
          owners: ['Head of Democratic Services'],
          daysLate: 60,
        })),
        notAnswered: many(30, (i) => ({
          name: `Person ${i}`,
          email: `p${i}@council.example`,
          refs: ['1', '2'],
        })),
        unreachable: many(20, (i) => ({
          name: `Person ${i}`,
          email: `p${i}@council.example`,
          reason: 'Blocked',
        })),
      }),
    );
    expectSoundCard(card);
    expect(jsonLength(card)).toBeLessThan(CARD_LIMIT);
    const text = visibleText(card);
    // Notes clipped; as many updates as fit in 28 KB, the rest counted.
    const notes = ofType(card, 'TextRun').filter(
      (r) => r.text === clip(longNote(4000), LIST_NOTE_MAX),
    ).length;
    expect(notes).toBeGreaterThanOrEqual(5);
    expect(notes).toBeLessThanOrEqual(DIGEST_LIMITS.changed);
    expect(text).toContain(`…and ${40 - notes} more.`);
    expect(text).toContain('…and 185 more.');
    expect(text).toContain('…and 40 more.');
    expect(text).toContain('…and 15 more.');
    expect(text).toContain('…and 5 more.');
  });

  it('shows notes, names and plan text literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const base = digest();
      const card = buildDigestCard(
        digest({
          changed: [
            {
              ...base.changed[0],
              note: `Note ${hostile}`,
              byName: `By ${hostile}`,
              planTitle: `Plan ${hostile}`,
            },
          ],
          notAnswered: [{ name: `Name ${hostile}`, email: 'x@council.example', refs: ['1'] }],
          unreachable: [{ name: 'Jo', email: 'jo@council.example', reason: `Reason ${hostile}` }],
        }),
      );
      expectSoundCard(card, [hostile]);
      for (const text of [
        `Note ${hostile}`,
        `By ${hostile}`,
        `Plan ${hostile}`,
        `Name ${hostile}`,
        `Reason ${hostile}`,
      ]) {
        expectLiteral(card, text);
      }
    }
  });
});
