import {
  clip,
  firstName,
  formatInstant,
  lateText,
  listInWords,
  moreText,
  shown,
  sentenceCase,
  statusBadge,
  statusStyle,
} from '../../src/cards/format';
import { describeLateness } from '../../src/domain/overdue';
import { STATUSES } from '../../src/domain/status';

describe('card text helpers', () => {
  it('clips long text at a word with an ellipsis, and leaves short text alone', () => {
    expect(clip('short', 10)).toBe('short');
    const long = 'The team is now working with directorates to implement it.';
    const cut = clip(long, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toBe('The team is now working with…');
    expect(clip('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits an emoji when clipping', () => {
    const cut = clip('👍'.repeat(20), 5);
    expect(Array.from(cut)).toEqual(['👍', '👍', '👍', '👍', '…']);
  });

  it('keeps date and time functions from being formatted by renderers', () => {
    expect(shown('at {{DATE(2022-01-01T00:00:00Z)}}')).toBe(
      'at {\u200b{DATE(2022-01-01T00:00:00Z)}}',
    );
    expect(shown('{{TIME(2022-01-01T00:00:00Z)}}')).toBe('{\u200b{TIME(2022-01-01T00:00:00Z)}}');
    expect(shown('{{other}} ${x}')).toBe('{{other}} ${x}');
  });

  it('writes lists, lateness and counts in plain English', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['A'])).toBe('A');
    expect(listInWords(['A', 'B'])).toBe('A and B');
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
    expect(moreText(0)).toBe('');
    expect(moreText(3)).toBe('…and 3 more.');
    expect(moreText(3, 'type **my actions** to see them all.')).toBe(
      '…and 3 more: type **my actions** to see them all.',
    );
  });

  it('describes lateness in the same words as the domain', () => {
    const now = new Date('2022-03-01T12:00:00Z');
    for (const [due, days] of [
      ['2022-02-28', 1],
      ['2022-02-20', 9],
      ['2022-02-15', 14],
      ['2022-01-31', 29],
    ] as const) {
      expect(lateText(days)).toBe(
        describeLateness({ due, revisedDue: null, status: 'on-track' }, now),
      );
    }
  });

  it('formats instants in the plan’s time zone', () => {
    expect(formatInstant('2022-07-01T13:05:00Z', 'Europe/London')).toBe('1 July 2022 at 2:05pm');
    expect(formatInstant('2022-01-01T13:05:00Z', 'Europe/London')).toBe('1 January 2022 at 1:05pm');
  });

  it('greets people by first name, past a title', () => {
    expect(firstName('Priya Shah')).toBe('Priya');
    expect(firstName('Cllr Megan Jones')).toBe('Megan');
    expect(firstName('Dr. A Khan')).toBe('A');
    expect(firstName('  ')).toBe('there');
  });

  it('tells each status by a word and a shape of its own, never by colour alone', () => {
    const badges = STATUSES.map((s) => statusBadge(s));
    expect(badges).toEqual([
      '○ Not started',
      '● On track',
      '▲ At risk',
      '✕ Off track',
      '‖ Paused',
      '✓ Complete',
      '⊘ Not agreed',
      '↷ Superseded',
    ]);
    expect(new Set(badges.map((b) => b.split(' ')[0])).size).toBe(STATUSES.length);
    expect(statusStyle('not-started')).toBe('emphasis');
    expect(statusStyle('complete')).toBe('accent');
  });

  it('writes times as GOV.UK does', () => {
    expect(formatInstant('2025-03-31T12:54:00Z', 'Europe/London')).toBe('31 March 2025 at 1:54pm');
    expect(formatInstant('2025-01-06T09:00:00Z', 'Europe/London')).toBe('6 January 2025 at 9am');
    expect(formatInstant('2025-01-06T12:00:00Z', 'Europe/London')).toBe('6 January 2025 at 12pm');
    expect(formatInstant('2025-01-06T00:05:00Z', 'Europe/London')).toBe(
      '6 January 2025 at 12:05am',
    );
  });

  it('puts titles written in block capitals into sentence case, and leaves others alone', () => {
    expect(sentenceCase("MEMBERS' COMMUNICATIONS PLAN 2025/26")).toBe(
      "Members' communications plan 2025/26",
    );
    expect(sentenceCase('Review of Adult Social Care')).toBe('Review of Adult Social Care');
    expect(sentenceCase('2025/26')).toBe('2025/26');
    expect(sentenceCase('')).toBe('');
  });
});
