import {
  addDays,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  isWorkingDay,
} from '../../src/domain/working-days';

describe('isWorkingDay', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-27', true], // Friday
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'early May bank holiday'],
    ['2026-08-31', 'summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day substitute (26th is a Saturday)'],
    ['2027-12-27', 'Christmas Day substitute (25th is a Saturday)'],
    ['2028-01-03', 'New Year substitute (1st is a Saturday)'],
  ])('%s (%s) is not a working day', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it('lists eight weekday holidays a year, 2024 to 2028', () => {
    const all = [...ENGLAND_AND_WALES_BANK_HOLIDAYS];
    for (const year of ['2024', '2025', '2026', '2027', '2028']) {
      expect(all.filter((d) => d.startsWith(year))).toHaveLength(8);
    }
    for (const date of all) {
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      expect(weekday === 0 || weekday === 6).toBe(false);
    }
  });

  it('accepts another holiday table, and refuses unreadable dates', () => {
    expect(isWorkingDay('2026-11-25', new Set(['2026-11-25']))).toBe(false);
    expect(isWorkingDay('2026-12-25', new Set())).toBe(true);
    expect(isWorkingDay('not a date')).toBe(false);
  });
});

describe('addDays', () => {
  it('moves across months and years', () => {
    expect(addDays('2026-11-25', 14)).toBe('2026-12-09');
    expect(addDays('2027-01-03', -14)).toBe('2026-12-20');
  });
});
