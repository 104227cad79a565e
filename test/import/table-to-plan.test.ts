import type { RawGrid } from '../../src/import/readers/raw-grid';
import { tableToPlan } from '../../src/import/table-to-plan';
import { ImportError } from '../../src/import/types';

const FILE = 'plan.txt';
const HEADINGS = ['Recommendation', 'Proposed action', 'Post title', 'Budget', 'Timescale'];

/** A grid as the tab-text reader makes it: one row a line, numbered "line N". */
function lines(rows: string[][], mayWrap = true): RawGrid {
  return {
    preamble: [],
    rows: rows.map((cells, i) => ({ cells, location: `line ${i + 1}` })),
    mayWrap,
  };
}

describe('tableToPlan', () => {
  it('takes the ref from the recommendation in its usual forms, else the row position', () => {
    const plan = tableToPlan(
      lines(
        [
          HEADINGS,
          ['1) First', 'a', 'Head of A', '', 'May 2024'],
          ['R2: Second', 'b', 'Head of A', '', 'May 2024'],
          ['2.1 Third', 'c', 'Head of A', '', 'May 2024'],
          ['(4) Fourth', 'd', 'Head of A', '', 'May 2024'],
        ],
        false,
      ),
      FILE,
    );
    expect(plan.actions.map((a) => [a.ref, a.recommendation])).toEqual([
      ['1', 'First'],
      ['R2', 'Second'],
      ['2.1', 'Third'],
      ['4', 'Fourth'],
    ]);
    const unnumbered = tableToPlan(
      lines([HEADINGS, ['First', 'a', 'Head of A', '', ''], ['Second', 'b', 'Head of B', '', '']]),
      FILE,
    );
    expect(unnumbered.actions.map((a) => [a.ref, a.recommendation])).toEqual([
      ['1', 'First'],
      ['2', 'Second'],
    ]);
  });

  it('prefers a ref column and keeps the recommendation text as written', () => {
    const plan = tableToPlan(
      lines([
        ['No.', ...HEADINGS],
        ['7', '2021 review of ward budgets', 'Audit', 'Head of Finance', '', 'June 2024'],
        ['', 'continued text', 'more', '', '', ''],
        ['8', 'Second', 'b', 'Head of Finance', '', 'June 2024'],
      ]),
      FILE,
    );
    expect(plan.actions.map((a) => [a.ref, a.recommendation, a.proposedAction])).toEqual([
      ['7', '2021 review of ward budgets continued text', 'Audit more'],
      ['8', 'Second', 'b'],
    ]);
  });

  it('joins wrapped lines cell by cell, skipping blank lines', () => {
    const plan = tableToPlan(
      lines([
        ['Title'],
        HEADINGS,
        ['1. Start of', 'Do', 'Head of A and Head', 'N/A', 'March'],
        ['the text.', 'it.', 'of B', '', '2024'],
        [''],
        ['2. Next', 'More', 'Head of C', 'N/A', 'April 2024'],
      ]),
      FILE,
    );
    expect(plan.actions).toEqual([
      {
        ref: '1',
        recommendation: 'Start of the text.',
        proposedAction: 'Do it.',
        owners: ['Head of A', 'Head of B'],
        budget: 'N/A',
        timescale: 'March 2024',
        due: '2024-03-31',
        status: 'not-started',
      },
      expect.objectContaining({ ref: '2', recommendation: 'Next', timescale: 'April 2024' }),
    ]);
  });

  it('does not join lines from other formats, where every row is a row', () => {
    const grid = lines(
      [HEADINGS, ['1. One', 'a', 'Head of A', '', ''], ['Two', 'b', 'Head of B', '', '']],
      false,
    );
    expect(tableToPlan(grid, FILE).actions.map((a) => a.ref)).toEqual(['1', '2']);
  });

  it('splits owner cells against the posts it is given', () => {
    const grid = lines([
      HEADINGS,
      ['A', 'b', 'Democratic Services Manager Scrutiny Officer', '', ''],
    ]);
    const knownPosts = ['Democratic Services Manager', 'Scrutiny Officer'];
    expect(tableToPlan(grid, FILE, { knownPosts }).actions[0].owners).toEqual(knownPosts);
  });

  it('takes status from a status column, then from the timescale, and warns about what it cannot read', () => {
    const plan = tableToPlan(
      lines([
        [...HEADINGS, 'Progress'],
        ['1. A', 'a', 'Head of A', '', 'Complete', ''],
        ['2. B', 'b', 'Head of A', '', 'May 2024', 'Amber'],
        ['3. C', 'c', 'Head of A', '', 'when we can', 'going well-ish?'],
        ['4. D', 'd', '', '', 'May 2024', ''],
      ]),
      FILE,
    );
    expect(plan.actions.map((a) => a.status)).toEqual([
      'complete',
      'at-risk',
      'not-started',
      'not-started',
    ]);
    expect(plan.actions[2].due).toBeNull();
    expect(plan.warnings).toHaveLength(3);
    expect(plan.warnings[0]).toEqual({
      ref: '3',
      message: 'line 4: Timescale "when we can" was not understood; no due date was set.',
    });
    expect(plan.warnings[1]).toEqual({
      ref: '3',
      message:
        'line 4: status "going well-ish?" was not recognised, so it was taken from the timescale',
    });
    expect(plan.warnings[2]).toEqual({ ref: '4', message: 'line 5: no owner is given' });
  });

  it('reads the title and date from the preamble, whatever the date looks like', () => {
    for (const dateLine of [
      '7 SEPTEMBER 2021',
      '07/09/2021',
      'Date: 7 September 2021',
      'Tuesday 7th September 2021',
    ]) {
      const grid: RawGrid = {
        preamble: ['', dateLine, 'Members’ Communications — Action Plan'],
        rows: [
          { cells: HEADINGS, location: 'table 1, row 1' },
          { cells: ['A', 'b', 'Head of A', '', ''], location: 'table 1, row 2' },
        ],
      };
      expect(tableToPlan(grid, 'x.docx').plan).toEqual({
        id: 'members-communications-action-plan',
        title: 'Members’ Communications — Action Plan',
        date: '2021-09-07',
      });
    }
  });

  it('falls back to the file name for the title and cuts long ids at a word', () => {
    const untitled = tableToPlan(
      lines([HEADINGS, ['A', 'b', 'Head of A', '', '']]),
      '/tmp/Budget Plan 2024.txt',
    );
    expect(untitled.plan).toEqual({
      id: 'budget-plan-2024',
      title: 'Budget Plan 2024',
      date: null,
    });
    const long = tableToPlan(
      lines([
        [
          'Overview and Scrutiny Management Board task and finish group on the council budget – action plan',
        ],
        HEADINGS,
        ['A', 'b', 'Head of A', '', ''],
      ]),
      FILE,
    );
    expect(long.plan.id).toBe('overview-and-scrutiny-management-board-task-and-finish-group');
  });

  it('rejects a plan id that is not a slug', () => {
    const grid = lines([HEADINGS, ['A', 'b', 'Head of A', '', '']]);
    expect(() => tableToPlan(grid, FILE, { planId: 'My Plan/1' })).toThrow(
      'plan.txt: plan id "My Plan/1" cannot be used; expected lower-case letters, digits and hyphens',
    );
  });

  it('skips repeated heading rows and empty rows', () => {
    const plan = tableToPlan(
      lines(
        [
          HEADINGS,
          ['A', 'b', 'Head of A', '', ''],
          ['', '  ', ''],
          HEADINGS,
          ['B', 'c', 'Head of B', '', ''],
        ],
        false,
      ),
      FILE,
    );
    expect(plan.actions.map((a) => a.recommendation)).toEqual(['A', 'B']);
  });

  it('rejects rows it cannot read, naming where', () => {
    expect(() =>
      tableToPlan(lines([HEADINGS, ['', '', 'Head of A', '', 'May 2024']]), FILE),
    ).toThrow('plan.txt, line 2: expected a recommendation or proposed action in this row');
    expect(() => tableToPlan(lines([HEADINGS]), FILE)).toThrow(
      'plan.txt: found the heading row (line 1) but no actions below it',
    );
    expect(() => tableToPlan({ preamble: [], rows: [] }, FILE)).toThrow(
      'plan.txt: the document is empty',
    );
    expect(() =>
      tableToPlan(
        lines([
          HEADINGS,
          ['1. A', 'a', 'Head of A', '', ''],
          ['2. B', 'b', 'Head of B', '', ''],
          ['1. C', 'c', 'Head of C', '', ''],
        ]),
        FILE,
      ),
    ).toThrow(
      new ImportError(
        FILE,
        'line 4',
        'ref "1" is used twice (also on line 2); expected each row to have its own ref',
      ),
    );
  });
});
