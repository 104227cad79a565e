import { findHeaderRow, matchHeadings } from '../../src/import/headings';

describe('matchHeadings', () => {
  it('reads the council’s own headings', () => {
    expect(
      matchHeadings([
        'SCRUTINY RECOMMENDATION',
        'PROPOSED ACTION',
        'POST TITLE',
        'BUDGET COST',
        'TIMESCALE',
      ]),
    ).toEqual({
      recommendation: 0,
      proposedAction: 1,
      owner: 2,
      budget: 3,
      timescale: 4,
    });
  });

  it.each([
    [['Proposal', 'Response', 'Lead Officer', 'Target date', 'Resources', 'RAG']],
    [['Findings', 'Management response', 'Who', 'When', 'Cost', 'Outcome']],
    [
      [
        'Issue',
        'Agreed action(s)',
        'Responsible officer (post title)',
        'Deadline',
        'Budget',
        'Status',
      ],
    ],
    [['Recommendations', 'Actions taken', 'Accountability', 'Timetable', 'Resources', 'Progress']],
  ])('reads synonyms: %j', (cells) => {
    expect(matchHeadings(cells)).toEqual({
      recommendation: 0,
      proposedAction: 1,
      owner: 2,
      timescale: 3,
      budget: 4,
      status: 5,
    });
  });

  it('gives each column its best role, once', () => {
    expect(
      matchHeadings(['#', 'Recommendation', 'Recommendation made to', 'Action', 'Due date']),
    ).toEqual({
      ref: 0,
      recommendation: 1,
      owner: 2,
      proposedAction: 3,
      timescale: 4,
    });
    expect(matchHeadings(['Ref.', 'Action owner', 'Action', 'End date'])).toEqual({
      ref: 0,
      owner: 1,
      proposedAction: 2,
      timescale: 3,
    });
  });

  it('does not take long text for a heading', () => {
    expect(
      matchHeadings([
        'That the lead officer reports on the action taken by the target date each year',
      ]),
    ).toEqual({});
  });
});

describe('findHeaderRow', () => {
  const row = (...cells: string[]) => ({ cells, location: 'x' });

  it('finds the first row naming the required columns, below any title', () => {
    const rows = [
      row('Action plan'),
      row('Date: 1 May 2024'),
      row('Recommendation', 'Lead', 'When'),
    ];
    expect(findHeaderRow(rows)).toEqual({
      found: true,
      index: 2,
      columns: { recommendation: 0, owner: 1, timescale: 2 },
    });
  });

  it('reports the closest row and what it lacks', () => {
    expect(findHeaderRow([row('Title'), row('Recommendation', 'Action', 'Owner')])).toEqual({
      found: false,
      closest: { index: 1, missing: ['timescale'] },
    });
    expect(findHeaderRow([row('Title')])).toEqual({ found: false, closest: null });
  });
});
