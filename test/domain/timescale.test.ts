import { readTimescale } from '../../src/domain/timescale';

describe('readTimescale', () => {
  describe('dated forms give the last day of the period', () => {
    it.each([
      // The real plan's cells.
      ['January 2022', '2022-01-31'],
      ['November 2021', '2021-11-30'],
      // Month and year.
      ['january 2022', '2022-01-31'],
      ['JANUARY 2022', '2022-01-31'],
      ['  January   2022  ', '2022-01-31'],
      ['January 2022.', '2022-01-31'],
      ['Jan 22', '2022-01-31'],
      ['Jan 2022', '2022-01-31'],
      ['Jan-22', '2022-01-31'],
      ["Jan '22", '2022-01-31'],
      ['Feb 2024', '2024-02-29'],
      ['February 2023', '2023-02-28'],
      ['Sept 2022', '2022-09-30'],
      ['Sept. 2022', '2022-09-30'],
      ['Sep 2022', '2022-09-30'],
      ['June 2025', '2025-06-30'],
      ['03/2024', '2024-03-31'],
      // Day, month and year in UK order.
      ['31/03/2023', '2023-03-31'],
      ['31.03.2023', '2023-03-31'],
      ['31-03-23', '2023-03-31'],
      ['1/4/2024', '2024-04-01'],
      ['28/7/2021', '2021-07-28'],
      ['05/06/2024', '2024-06-05'],
      ['29/02/2024', '2024-02-29'],
      ['2024-03-31', '2024-03-31'],
      ['28 February 2014', '2014-02-28'],
      ['1st March 2024', '2024-03-01'],
      ['2nd April 2024', '2024-04-02'],
      ['3rd May 2024', '2024-05-03'],
      ['21st June 2024', '2024-06-21'],
      ['12th of October 2011', '2011-10-12'],
      ['12-Oct-11', '2011-10-12'],
      ['1 Mar 24', '2024-03-01'],
      ['March 1st, 2024', '2024-03-01'],
      ['Friday 12 October 2011', '2011-10-12'],
      // UK financial quarters (Q1 = April to June).
      ['Q1 2022/23', '2022-06-30'],
      ['Q2 2022/23', '2022-09-30'],
      ['Q3 2022/23', '2022-12-31'],
      ['Q4 2022/23', '2023-03-31'],
      ['Q3 2022-23', '2022-12-31'],
      ['Q3 2022–23', '2022-12-31'],
      ['q3 2022/2023', '2022-12-31'],
      ['Q3 22/23', '2022-12-31'],
      ['Quarter 3 2022/23', '2022-12-31'],
      ['Qtr 4 2023/24', '2024-03-31'],
      ['Third quarter 2022/23', '2022-12-31'],
      ['4th quarter of 2023/24', '2024-03-31'],
      ['End of Q2 2024/25', '2024-09-30'],
      ['Q3-Q4 2022/23', '2023-03-31'],
      // Financial and calendar years.
      ['2022/23', '2023-03-31'],
      ['2022-23', '2023-03-31'],
      ['2022/2023', '2023-03-31'],
      ['FY 2024/25', '2025-03-31'],
      ['Financial year 2024/25', '2025-03-31'],
      ['End of financial year 2023/24', '2024-03-31'],
      ['2023', '2023-12-31'],
      ['2021-2024', '2024-12-31'],
      ['2023 to 2025', '2025-12-31'],
      // Seasons.
      ['Spring 2024', '2024-05-31'],
      ['Summer 2024', '2024-08-31'],
      ['Autumn 2024', '2024-11-30'],
      ['autumn 2024', '2024-11-30'],
      ['Winter 2024', '2025-02-28'],
      ['Winter 2023/24', '2024-02-29'],
      // Leading words before the date.
      ['End of March 2024', '2024-03-31'],
      ['End March 2024', '2024-03-31'],
      ['By March 2024', '2024-03-31'],
      ['By end of March 2024', '2024-03-31'],
      ['By the end of 2024', '2024-12-31'],
      ['Mid-March 2024', '2024-03-31'],
      ['Meeting held by 28 February 2014', '2014-02-28'],
      ['Cabinet – 12 October 2011', '2011-10-12'],
      ['Cabinet — 12 October 2011', '2011-10-12'],
      ['Cabinet - 12 October 2011', '2011-10-12'],
      ['Cabinet 12 October 2011', '2011-10-12'],
      ['w/c 12 February 2024', '2024-02-12'],
      ['Complete by March 2024', '2024-03-31'],
      ['March 2024 at the latest', '2024-03-31'],
      ['Originally March 2024, now June 2024', '2024-06-30'],
      ['Phase 2 March 2024', '2024-03-31'],
      ['2022/23 financial year', '2023-03-31'],
      // Ranges give the later end.
      ['Implement May/June 2025', '2025-06-30'],
      ['May/June 2025', '2025-06-30'],
      ['May-June 2025', '2025-06-30'],
      ['May – June 2025', '2025-06-30'],
      ['May to June 2025', '2025-06-30'],
      ['From May to June 2025', '2025-06-30'],
      ['April 2024 - March 2025', '2025-03-31'],
      ['1 April 2024 to 31 March 2025', '2025-03-31'],
      ['1-31 March 2024', '2024-03-31'],
    ])('%j → %s', (text, due) => {
      expect(readTimescale(text)).toEqual({
        text: text.trim(),
        due,
        complete: false,
        ongoing: false,
        warning: null,
      });
    });
  });

  describe('open-ended work', () => {
    it.each([
      ['Ongoing', null],
      ['ongoing.', null],
      ['On-going', null],
      ['Ongoing as resources allow', null],
      ['March 2025 and ongoing', '2025-03-31'],
      ['March 2025 & ongoing', '2025-03-31'],
      ['Ongoing until December 2025', '2025-12-31'],
      ['Ongoing to December 2025', '2025-12-31'],
      ['March 2024 and annually thereafter', '2024-03-31'],
      ['Ongoing - review March 2024', '2024-03-31'],
    ])('%j is ongoing, due %s, with no warning', (text, due) => {
      expect(readTimescale(text)).toEqual({
        text,
        due,
        complete: false,
        ongoing: true,
        warning: null,
      });
    });

    it('warns about an ongoing cell whose date does not exist', () => {
      const reading = readTimescale('Ongoing until 31/02/2025');
      expect(reading).toMatchObject({ due: null, ongoing: true });
      expect(reading.warning).toBe(
        'Timescale "Ongoing until 31/02/2025" is not a real date; no due date was set.',
      );
    });
  });

  describe('work already done', () => {
    it.each([
      ['Complete', null],
      ['Complete.', null],
      ['COMPLETE', null],
      ['Completed', null],
      ['Done', null],
      ['Achieved', null],
      ['Now complete', null],
      ['Achieved - see note', null],
      ['Completed March 2021', '2021-03-31'],
      ['Complete - July 2021', '2021-07-31'],
      ['Completed on 28/7/2021', '2021-07-28'],
      ['Complete (January 2022)', '2022-01-31'],
      ['Completed (see above)', null],
      ['Done by Finance', null],
    ])('%j is complete, due %s', (text, due) => {
      expect(readTimescale(text)).toEqual({
        text,
        due,
        complete: true,
        ongoing: false,
        warning: null,
      });
    });
  });

  describe('immediate', () => {
    it.each(['Immediate', 'Immediately', 'immediately.', 'With immediate effect'])(
      '%j is due on the plan date when there is one',
      (text) => {
        expect(readTimescale(text, { planDate: '2021-09-07' })).toMatchObject({
          due: '2021-09-07',
          warning: null,
        });
        expect(readTimescale(text)).toMatchObject({ due: null, warning: null });
        expect(readTimescale(text, { planDate: null })).toMatchObject({ due: null, warning: null });
      },
    );

    it('ignores a plan date that is not a date', () => {
      expect(readTimescale('Immediate', { planDate: '7 September 2021' })).toMatchObject({
        due: null,
        warning: null,
      });
    });

    it('reads "Immediate and ongoing" as both', () => {
      expect(readTimescale('Immediate and ongoing', { planDate: '2021-09-07' })).toMatchObject({
        due: '2021-09-07',
        ongoing: true,
        warning: null,
      });
    });
  });

  describe('no date and nothing to warn about', () => {
    it.each(['', '   ', 'N/A', 'n/a', 'NA', 'Not applicable', '-', '–'])('%j', (text) => {
      expect(readTimescale(text)).toEqual({
        text: text.trim(),
        due: null,
        complete: false,
        ongoing: false,
        warning: null,
      });
    });
  });

  describe('no date, with a warning', () => {
    it.each([
      ['TBC', 'Timescale "TBC" gives no date yet; no due date was set.'],
      ['tbc', 'Timescale "tbc" gives no date yet; no due date was set.'],
      ['To be confirmed', 'Timescale "To be confirmed" gives no date yet; no due date was set.'],
      ['TBA', 'Timescale "TBA" gives no date yet; no due date was set.'],
      ['soon', 'Timescale "soon" was not understood; no due date was set.'],
      [
        'When resources allow',
        'Timescale "When resources allow" was not understood; no due date was set.',
      ],
      ['Next year', 'Timescale "Next year" was not understood; no due date was set.'],
      [
        'Within 3 months',
        'Timescale "Within 3 months" counts from the plan\'s date, which the document does not give; no due date was set.',
      ],
      [
        'Within 3 months of 1 April 2024',
        'Timescale "Within 3 months of 1 April 2024" was not understood; no due date was set.',
      ],
      ['After March 2024', 'Timescale "After March 2024" was not understood; no due date was set.'],
      [
        '31 March 2024 (subject to funding)',
        'Timescale "31 March 2024 (subject to funding)" was not understood; no due date was set.',
      ],
      ['Not complete', 'Timescale "Not complete" was not understood; no due date was set.'],
      ['31/02/2023', 'Timescale "31/02/2023" is not a real date; no due date was set.'],
      ['13/13/2023', 'Timescale "13/13/2023" is not a real date; no due date was set.'],
      ['01/13/2023', 'Timescale "01/13/2023" is not a real date; no due date was set.'],
      ['13/2023', 'Timescale "13/2023" is not a real date; no due date was set.'],
      ['29/02/2023', 'Timescale "29/02/2023" is not a real date; no due date was set.'],
      ['31 February 2023', 'Timescale "31 February 2023" is not a real date; no due date was set.'],
      [
        'By 30 February 2024',
        'Timescale "By 30 February 2024" is not a real date; no due date was set.',
      ],
      ['March', 'Timescale "March" gives no year; no due date was set.'],
      ['By 31 March', 'Timescale "By 31 March" gives no year; no due date was set.'],
      ['Spring', 'Timescale "Spring" gives no year; no due date was set.'],
      [
        'Q3 2023',
        'Timescale "Q3 2023" does not say which financial year the quarter is in (for example "Q3 2022/23"); no due date was set.',
      ],
    ])('%j', (text, warning) => {
      expect(readTimescale(text)).toEqual({
        text,
        due: null,
        complete: false,
        ongoing: false,
        warning,
      });
    });
  });

  it('keeps the text exactly as given, trimmed', () => {
    expect(readTimescale('  End of  March 2024 \n').text).toBe('End of  March 2024');
  });

  it('reads every timescale of the real plan', () => {
    expect(
      ['Complete', 'January 2022', 'Complete', 'November 2021'].map((t) => readTimescale(t)),
    ).toEqual([
      { text: 'Complete', due: null, complete: true, ongoing: false, warning: null },
      { text: 'January 2022', due: '2022-01-31', complete: false, ongoing: false, warning: null },
      { text: 'Complete', due: null, complete: true, ongoing: false, warning: null },
      { text: 'November 2021', due: '2021-11-30', complete: false, ongoing: false, warning: null },
    ]);
  });

  describe('starts, repeats, periods from the plan date and several dates', () => {
    it.each([
      ['Commencing March 2025 and ongoing', true],
      ['From April 2024 onwards', true],
      ['Starting January 2026', false],
    ])('%j is a start, not a due date', (text, ongoing) => {
      expect(readTimescale(text)).toEqual({
        text,
        due: null,
        complete: false,
        ongoing,
        warning: `Timescale "${text}" gives when the work starts, not when it is due; no due date was set.`,
      });
    });

    it.each([
      'Quarterly',
      'Annually',
      'Annually each August',
      'Every six months',
      'Monthly reports',
    ])('%j repeats: no due date, a warning, the text kept', (text) => {
      expect(readTimescale(text)).toEqual({
        text,
        due: null,
        complete: false,
        ongoing: true,
        warning: `Timescale "${text}" repeats, so it has no single due date; it was kept as written and no due date was set.`,
      });
    });

    it.each([
      ['Within six months', '2024-03-12'],
      ['Within 6 months of the plan', '2024-03-12'],
      ['Within 2 weeks', '2023-09-26'],
      ['Within one year of approval', '2024-09-12'],
    ])('%j counts from the plan date', (text, due) => {
      expect(readTimescale(text, { planDate: '2023-09-12' })).toMatchObject({ due, warning: null });
    });

    it('takes the latest of several dates and names the others', () => {
      expect(
        readTimescale('June 2023 (interim report); December 2023 (final report)'),
      ).toMatchObject({
        due: '2023-12-31',
        warning:
          'Timescale "June 2023 (interim report); December 2023 (final report)" names several dates (June 2023, December 2023); the latest, 2023-12-31, was taken as the due date.',
      });
    });

    it.each([
      ['January – March 2023', '2023-03-31'],
      ['2023/24', '2024-03-31'],
      ['2023/2024', '2024-03-31'],
      ['2023-24', '2024-03-31'],
      ['FY 2023-2024', '2024-03-31'],
      ['2023-2024', '2024-12-31'],
      ['2023-2027', '2027-12-31'],
    ])('reads %j by the year-range rule as %s', (text, due) => {
      expect(readTimescale(text)).toMatchObject({ due, warning: null });
    });
  });
});
