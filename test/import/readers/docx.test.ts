import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { readDocx } from '../../../src/import/readers/docx';

type CellSpec = string | { lines: string[]; columnSpan?: number; rowSpan?: number };

const cell = (spec: CellSpec): TableCell => {
  const { lines, columnSpan, rowSpan } = typeof spec === 'string' ? { lines: [spec] } : spec;
  return new TableCell({
    columnSpan,
    rowSpan,
    children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })),
  });
};

const table = (rows: CellSpec[][]): Table =>
  new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map(cell) })) });

async function docxBuffer(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('readDocx', () => {
  it('reads the paragraphs above the first plan table and its rows, a cell paragraph a line', async () => {
    const buffer = await docxBuffer([
      new Paragraph({ children: [new TextRun({ text: 'Contents', bold: true })] }),
      table([
        ['Section', 'Page'],
        ['Plan', '2'],
      ]),
      new Paragraph('PANEL ACTION PLAN'),
      new Paragraph('7 SEPTEMBER 2021'),
      table([
        ['Recommendation', 'Post title', 'Timescale'],
        ['1. A & B <now>', { lines: ['Head of A', 'Head of B'] }, 'May 2024'],
      ]),
    ]);
    expect(await readDocx(buffer, 'plan.docx')).toEqual({
      preamble: ['Contents', 'PANEL ACTION PLAN', '7 SEPTEMBER 2021'],
      rows: [
        { cells: ['Recommendation', 'Post title', 'Timescale'], location: 'table 2, row 1' },
        {
          cells: ['1. A & B <now>', 'Head of A\nHead of B', 'May 2024'],
          location: 'table 2, row 2',
        },
      ],
    });
  });

  it('repeats a cell merged down its column and leaves the rest of a merge across blank', async () => {
    const buffer = await docxBuffer([
      table([
        ['Recommendation', 'Post title', 'Budget', 'Timescale'],
        ['1. A', { lines: ['Head of A'], rowSpan: 2 }, { lines: ['N/A'], columnSpan: 2 }],
        ['2. B', '£100', 'June 2024'],
      ]),
    ]);
    const grid = await readDocx(buffer, 'plan.docx');
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ['Recommendation', 'Post title', 'Budget', 'Timescale'],
      ['1. A', 'Head of A', 'N/A', ''],
      ['2. B', 'Head of A', '£100', 'June 2024'],
    ]);
  });

  it('gives back the paragraphs alone when there is no table', async () => {
    const grid = await readDocx(await docxBuffer([new Paragraph('Only text')]), 'plan.docx');
    expect(grid).toEqual({ preamble: ['Only text'], rows: [] });
  });

  it('rejects a file that is not a Word document', async () => {
    await expect(readDocx(Buffer.from('PK\u0003\u0004 broken'), 'plan.docx')).rejects.toThrow(
      /^plan\.docx: could not be read as a Word document \(.+\); expected a \.docx file/,
    );
  });
});
