import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { readPlanBytes } from '../../src/import/read-plan-file';

type Spec = string | { text: string; rowSpan?: number; columnSpan?: number };

const cell = (spec: Spec): TableCell => {
  const { text, rowSpan, columnSpan } = typeof spec === 'string' ? { text: spec } : spec;
  return new TableCell({
    rowSpan,
    columnSpan,
    children: text.split('\n').map((line) => new Paragraph(line)),
  });
};

const docx = (rows: Spec[][]): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph('Housing Scrutiny Review – Action Plan'),
            new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) }),
            new Paragraph('Key: S151 – Section 151 Officer'),
          ],
        },
      ],
    }),
  );

describe('Word layouts', () => {
  it('gives rows sharing a merged recommendation refs 1a, 1b and skips section rows', async () => {
    const bytes = await docx([
      ['Ref', 'Recommendation', 'Agreed action', 'Lead officer', 'Timescale'],
      [{ text: 'Theme 1: Repairs', columnSpan: 5 }],
      [
        { text: '1', rowSpan: 2 },
        { text: 'That repairs are completed faster', rowSpan: 2 },
        'Let a new contract',
        'Head of Property',
        'March 2027',
      ],
      ['Report monthly', 'Repairs Manager', 'Monthly'],
      [{ text: 'Theme 2: Rents', columnSpan: 5 }],
      [
        '2',
        'That rents are reviewed',
        'Review rents',
        'Head of Finance (Section 151 Officer)',
        '2026/27',
      ],
    ]);
    const plan = await readPlanBytes(bytes, 'plan.docx');
    expect(
      plan.actions.map((a) => [a.ref, a.recommendation, a.proposedAction, a.owners, a.due]),
    ).toEqual([
      [
        '1a',
        'That repairs are completed faster',
        'Let a new contract',
        ['Head of Property'],
        '2027-03-31',
      ],
      ['1b', 'That repairs are completed faster', 'Report monthly', ['Repairs Manager'], null],
      [
        '2',
        'That rents are reviewed',
        'Review rents',
        ['Head of Finance (Section 151 Officer)'],
        '2027-03-31',
      ],
    ]);
    expect(plan.warnings).toEqual([
      {
        ref: '1b',
        message:
          'table 1, row 4: Timescale "Monthly" repeats, so it has no single due date; it was kept as written and no due date was set.',
      },
    ]);
  });

  it('stops a plan whose timescale column is mostly not dates', async () => {
    const bytes = await docx([
      ['Recommendation', 'Lead officer', 'Timescale'],
      ['1. That A', 'Head of A', 'When the budget allows'],
      ['2. That B', 'Head of B', 'Subject to the review'],
      ['3. That C', 'Head of C', 'March 2027'],
    ]);
    await expect(readPlanBytes(bytes, 'plan.docx')).rejects.toThrow(
      '2 of 3 timescales are not dates, so the timescale column may hold other text',
    );
  });
});
