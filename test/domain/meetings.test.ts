import { lastMeetingBefore, nextMeetingFrom, tidyMeetings } from '../../src/domain/meetings';
import { readMeetingDates } from '../../src/ask/meeting-dates';

describe('meeting dates', () => {
  const meetings = ['2027-01-14', '2026-10-01', '2026-10-01', 'not a date'];

  it('keeps each real date once, in order', () => {
    expect(tidyMeetings(meetings)).toEqual(['2026-10-01', '2027-01-14']);
  });

  it('finds the last meeting before today and the next from today', () => {
    expect(lastMeetingBefore(meetings, '2026-11-25')).toBe('2026-10-01');
    expect(lastMeetingBefore(meetings, '2026-10-01')).toBeNull();
    expect(nextMeetingFrom(meetings, '2026-11-25')).toBe('2027-01-14');
    expect(nextMeetingFrom(meetings, '2027-01-15')).toBeNull();
  });

  it('reads dates as typed, in UK order, a date without a year being the next to come', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(readMeetingDates('12 January 2027, 9/3/27 and 4 May', now, 'Europe/London')).toEqual({
      dates: ['2027-01-12', '2027-03-09', '2027-05-04'],
      unreadable: [],
    });
    expect(readMeetingDates('12 January, sometime in spring', now, 'Europe/London')).toEqual({
      dates: ['2027-01-12'],
      unreadable: ['sometime in spring'],
    });
  });
});
