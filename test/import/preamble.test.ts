import { isPlanId, readPlanDate, readPreamble, slugify } from '../../src/import/preamble';

describe('readPlanDate', () => {
  it.each([
    ['7 SEPTEMBER 2021', '2021-09-07'],
    ['07/09/2021', '2021-09-07'],
    ['7.9.21', '2021-09-07'],
    ['Date: 7 September 2021', '2021-09-07'],
    ['Meeting date - 7th Sept 2021', '2021-09-07'],
    ['Tuesday, 7 September 2021', '2021-09-07'],
    ['September 7, 2021', '2021-09-07'],
    ['2021-09-07', '2021-09-07'],
  ])('reads %s', (line, date) => {
    expect(readPlanDate(line)).toBe(date);
  });

  it.each([
    '31/02/2021',
    'ACTION PLAN',
    'Updated following the meeting on 7 September 2021',
    '7 Smarch 2021',
    '',
  ])('does not take %j for a date', (line) => {
    expect(readPlanDate(line)).toBeNull();
  });
});

describe('readPreamble', () => {
  it('takes the first line that is not a date as the title, and the first date', () => {
    expect(
      readPreamble(['', '  7 SEPTEMBER 2021 ', 'PANEL   ACTION PLAN', 'Appendix 1', '1 May 2022']),
    ).toEqual({
      title: 'PANEL ACTION PLAN',
      date: '2021-09-07',
    });
    expect(readPreamble([])).toEqual({ title: null, date: null });
  });
});

describe('slugify', () => {
  it('makes an id of lower-case words joined by hyphens', () => {
    expect(slugify("AD HOC SCRUTINY PANEL MEMBERS' COMMUNICATIONS - ACTION PLAN")).toBe(
      'ad-hoc-scrutiny-panel-members-communications-action-plan',
    );
    expect(slugify('Café & Leisure Review 2023/24')).toBe('cafe-and-leisure-review-2023-24');
    expect(slugify('A'.repeat(70))).toBe('a'.repeat(60));
  });

  it('makes ids that isPlanId accepts', () => {
    expect(isPlanId(slugify('Health and Wellbeing – Action Plan (final)'))).toBe(true);
    expect(isPlanId('Plan 1')).toBe(false);
    expect(isPlanId('-plan')).toBe(false);
    expect(isPlanId('a'.repeat(61))).toBe(false);
  });
});
