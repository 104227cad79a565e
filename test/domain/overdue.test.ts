import {
  daysBetween,
  daysLate,
  describeLateness,
  formatDate,
  isOverdue,
  lateInWords,
  localDate,
} from '../../src/domain/overdue';

const open = (due: string | null, revisedDue: string | null = null) => ({
  due,
  revisedDue,
  status: 'on-track' as const,
});

describe('overdue', () => {
  it('reads the calendar date in the plan’s time zone', () => {
    // 23:30 UTC in British Summer Time is already the next day in London.
    expect(localDate(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toBe('2026-07-01');
    expect(localDate(new Date('2026-12-31T23:30:00Z'), 'Europe/London')).toBe('2026-12-31');
  });

  it('is late from the day after the due date, in local time', () => {
    expect(daysLate(open('2026-06-30'), new Date('2026-06-30T22:59:00Z'))).toBe(0);
    expect(daysLate(open('2026-06-30'), new Date('2026-06-30T23:01:00Z'))).toBe(1);
    expect(isOverdue(open('2026-06-30'), new Date('2026-07-10T09:00:00Z'))).toBe(true);
  });

  it('uses a revised date over the original, and never counts complete or undated actions', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(daysLate(open('2021-11-30', '2026-12-31'), now)).toBe(0);
    expect(daysLate({ due: '2021-11-30', revisedDue: null, status: 'complete' }, now)).toBe(0);
    expect(daysLate(open(null), now)).toBe(0);
  });

  it.each([
    [1, '1 day late'],
    [9, '9 days late'],
    [14, '2 weeks late'],
    [59, '8 weeks late'],
    [91, '3 months late'],
    [400, 'over a year late'],
    [1821, 'over 4 years late'],
  ])('says %i days as "%s"', (days, words) => {
    expect(lateInWords(days)).toBe(words);
  });

  it('describes how a date stands', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(describeLateness(open('2026-11-25'), now)).toBe('due today');
    expect(describeLateness(open('2026-11-26'), now)).toBe('due tomorrow');
    expect(describeLateness(open('2026-12-05'), now)).toBe('due in 10 days');
    expect(describeLateness(open('2026-11-22'), now)).toBe('3 days late');
    expect(describeLateness(open(null), now)).toBe('no due date');
    expect(describeLateness({ due: '2020-01-01', revisedDue: null, status: 'complete' }, now)).toBe(
      'complete',
    );
  });

  it('counts days between calendar dates and formats them the UK way', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(formatDate('2022-01-31')).toBe('31 January 2022');
    expect(formatDate(null)).toBe('No date');
  });
});
