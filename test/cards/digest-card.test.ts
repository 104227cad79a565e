import { clip, LIST_NOTE_MAX } from '../../src/cards/format';
import { buildDigestCard, buildDigestCardAt, DIGEST_PAGE_SIZES } from '../../src/cards/digest-card';
import { CARD_BUDGET_BYTES, cardBytes, CardTooLargeError } from '../../src/cards/render';
import type { Digest } from '../../src/domain/digest';
import { HOSTILE_TEXTS, longNote, samplePlan } from '../support/sample-data';
import {
  executeActions,
  expectLiteral,
  expectSoundCard,
  ofType,
  visibleText,
  barsOf,
  expectDefaultTextColours,
} from './card-checks';

const title = samplePlan.title;

function digest(overrides: Partial<Digest> = {}): Digest {
  return {
    title: 'Weekly digest: Democratic services',
    heading: 'Weekly digest',
    subject: 'Democratic services',
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
    dueSoon: [
      {
        planTitle: title,
        ref: '5',
        owners: ['Head of Marketing and Communications'],
        due: '2022-03-10',
        daysLeft: 3,
      },
      { planTitle: title, ref: '6', owners: [], due: '2022-03-07', daysLeft: 0 },
    ],
    notAnswered: [
      {
        name: 'Priya Shah',
        email: 'priya.shah@council.example',
        refs: ['2', '4'],
        waitingDays: 12,
      },
    ],
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
  it('shows every section: counts, what moved, overdue, due soon, not answered, escalations, unreachable', () => {
    const card = buildDigestCard(digest());
    expectSoundCard(card);
    expect(executeActions(card)).toEqual([]);
    const text = visibleText(card);
    expect(text).toContain('Weekly digest');
    expect(text).toContain('Democratic services');
    expect(text).toContain('Week to 7 March 2022');
    expect(text).toContain('10 actions · 50% complete');
    expect(barsOf(card)).toEqual([
      ['#808080', 1],
      ['#2E9440', 3],
      ['#C96800', 1],
      ['#2F80DF', 5],
    ]);
    expectDefaultTextColours(card);
    expect(text).toContain('What moved: 2 updates');
    expect(text).toContain('Off track → On track');
    expect(text).toContain('Complete (no change)');
    expect(text).toContain('4 March 2022 at 3:20pm');
    expect(text).toContain('Draft framework shared with group leaders for comment.');
    expect(text).toContain('Overdue: 1 action');
    expect(text).toContain('5 weeks late');
    expect(text).toContain('Long overdue: worth raising with the owners');
    expect(text).toContain('Due in the next 14 days: 2 actions');
    expect(text).toContain('due in 3 days (10 March 2022)');
    expect(text).toContain('due today (7 March 2022)');
    expect(text).toContain('Not answered: 1 person prompted and not replied');
    expect(text).toContain(' · actions 2 and 4 · waiting 12 days');
    expect(text).toContain(' (priya.shah@council.example)');
    expect(text).toContain('I couldn’t send prompts to');
    expect(text).toContain(' · The bot was removed from their Teams.');
    expect(text).not.toContain('All quiet');
  });

  it('leaves out empty sections, and says when all is quiet', () => {
    const card = buildDigestCard(
      digest({
        changed: [],
        overdue: [],
        dueSoon: [],
        notAnswered: [],
        escalate: [],
        unreachable: [],
      }),
    );
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain(
      'All quiet: no updates, nothing overdue and nothing due in the next 14 days.',
    );
    for (const heading of [
      'What moved:',
      'Overdue:',
      'Due in the next',
      'Long overdue',
      'Not answered',
      'I couldn’t send',
    ]) {
      expect(text).not.toContain(heading);
    }
  });

  it('lists ten in each section, at least five with long notes, within 28 KB, the rest counted', () => {
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
        dueSoon: many(30, (i) => ({
          planTitle: title,
          ref: String(i),
          owners: ['Head of Democratic Services'],
          due: '2022-03-10',
          daysLeft: 3,
        })),
        notAnswered: many(30, (i) => ({
          name: `Person ${i}`,
          email: `p${i}@council.example`,
          refs: ['1', '2'],
          waitingDays: 30 - i,
        })),
        unreachable: many(20, (i) => ({
          name: `Person ${i}`,
          email: `p${i}@council.example`,
          reason: 'Blocked',
        })),
      }),
    );
    expectSoundCard(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const text = visibleText(card);
    // Notes clipped; as many updates as fit in 28 KB (five at least), the rest counted.
    const notes = ofType(card, 'TextRun').filter(
      (r) => r.text === clip(longNote(4000), LIST_NOTE_MAX),
    ).length;
    expect(notes).toBeGreaterThanOrEqual(5);
    expect(notes).toBeLessThanOrEqual(DIGEST_PAGE_SIZES[0]);
    // Every section lists as many as the updates do.
    expect(text).toContain(`…and ${40 - notes} more.`);
    expect(text).toContain(`…and ${200 - notes} more: type **overdue** to see them all.`);
    expect(text).toContain(`…and ${50 - notes} more: type **overdue** to see them all.`);
    expect(text).toContain(`…and ${30 - notes} more.`);
    expect(text).toContain(`…and ${20 - notes} more.`);
  });

  it('comes in sizes for the notifier, down to one entry per section, then no more', () => {
    const long = digest({
      changed: Array.from({ length: 40 }, () => ({ ...digest().changed[0], note: longNote(4000) })),
    });
    const sizes: number[] = [];
    for (let step = 0; ; step++) {
      let card;
      try {
        card = buildDigestCardAt(long, step);
      } catch (error) {
        expect(error).toBeInstanceOf(CardTooLargeError);
        continue;
      }
      if (card === null) break;
      expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      sizes.push(
        ofType(card, 'TextRun').filter((r) => r.text === clip(longNote(4000), LIST_NOTE_MAX))
          .length,
      );
    }
    expect(sizes.slice(-2)).toEqual([3, 1]);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('turns each long section’s pages with its own buttons when it knows which digest it is', () => {
    const overdue = Array.from({ length: 25 }, (_, i) => ({
      planTitle: title,
      ref: String(i + 1),
      owners: ['Head of Democratic Services'],
      daysLate: 40 - i,
    }));
    const paging = { which: 'service', at: '2022-03-07T08:00:00.000Z' };
    const first = buildDigestCard(digest({ overdue }), paging);
    expectSoundCard(first);
    const buttons = executeActions(first);
    expect(buttons.map((b) => [b.title, b.associatedInputs])).toEqual([
      ['Show next 10 overdue', 'none'],
    ]);
    expect(buttons[0].data).toEqual({
      verb: 'showPage',
      list: 'digest',
      which: 'service',
      at: '2022-03-07T08:00:00.000Z',
      section: 'overdue',
      page: '1',
    });
    expect(visibleText(first)).toContain('…and 15 more.');

    const last = buildDigestCard(digest({ overdue }), { ...paging, pages: { overdue: 2 } });
    const text = visibleText(last);
    expect(text).toContain('Showing 21 to 25 of 25.');
    expect(text).toContain('Action 21');
    expect(text).not.toMatch(/^Action (?:11|20)$/m);
    expect(executeActions(last).map((b) => b.title)).toEqual(['Show previous 10 overdue']);
    // Without knowing which digest it is (an answer to a question), it says where to look.
    expect(visibleText(buildDigestCard(digest({ overdue })))).toContain(
      '…and 15 more: type **overdue** to see them all.',
    );
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
          notAnswered: [
            { name: `Name ${hostile}`, email: 'x@council.example', refs: ['1'], waitingDays: 2 },
          ],
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
