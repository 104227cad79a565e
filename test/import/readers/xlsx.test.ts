import ExcelJS from 'exceljs';
import { readXlsx } from '../../../src/import/readers/xlsx';

async function workbookBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads rich text, formula results, dates and numbers as the text a reader sees', async () => {
    const buffer = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Plan');
      sheet.addRow(['Recommendation', 'Owner', 'Timescale', 'Budget']);
      sheet.addRow([
        { richText: [{ text: '1. Bold ', font: { bold: true } }, { text: 'and plain' }] },
        { formula: 'UPPER("head of a")', result: 'HEAD OF A' },
        new Date(Date.UTC(2024, 2, 31)),
        5000,
      ]);
      sheet.addRow([
        '2. B',
        { text: 'Head of B', hyperlink: 'https://example.org' },
        new Date(Date.UTC(2022, 0, 1)),
        1250.5,
      ]);
      sheet.getCell('C3').numFmt = 'mmm-yy';
      sheet.getCell('D3').numFmt = '"£"#,##0.00';
      sheet.addRow([{ formula: 'NA()', result: { error: '#N/A' } }, true, null, null]);
    });
    const grid = await readXlsx(buffer, 'plan.xlsx');
    expect(grid.rows).toEqual([
      { cells: ['Recommendation', 'Owner', 'Timescale', 'Budget'], location: 'row 1' },
      { cells: ['1. Bold and plain', 'HEAD OF A', '31/03/2024', '5000'], location: 'row 2' },
      { cells: ['2. B', 'Head of B', 'January 2022', '£1,250.5'], location: 'row 3' },
      { cells: ['', 'TRUE', '', ''], location: 'row 4' },
    ]);
  });

  it('repeats a cell merged down its column but writes one merged across a row once', async () => {
    const buffer = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Plan');
      sheet.addRow(['Action plan']);
      sheet.mergeCells('A1:C1');
      sheet.addRow(['Recommendation', 'Owner', 'Timescale']);
      sheet.addRow(['1. A', 'Head of A', 'May 2024']);
      sheet.addRow(['2. B', null, 'June 2024']);
      sheet.mergeCells('B3:B4');
    });
    const grid = await readXlsx(buffer, 'plan.xlsx');
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ['Action plan', '', ''],
      ['Recommendation', 'Owner', 'Timescale'],
      ['1. A', 'Head of A', 'May 2024'],
      ['2. B', 'Head of A', 'June 2024'],
    ]);
  });

  it('reads the first visible worksheet with a heading row, naming the sheet in locations', async () => {
    const buffer = await workbookBuffer((workbook) => {
      workbook.addWorksheet('Cover').addRow(['Scrutiny action plan']);
      const hidden = workbook.addWorksheet('Old', { state: 'hidden' });
      hidden.addRow(['Recommendation', 'Owner', 'Timescale']);
      workbook
        .addWorksheet('Actions')
        .addRow(['Scrutiny recommendation', 'Lead officer', 'Deadline']);
    });
    const grid = await readXlsx(buffer, 'plan.xlsx');
    expect(grid.rows).toEqual([
      {
        cells: ['Scrutiny recommendation', 'Lead officer', 'Deadline'],
        location: 'sheet "Actions", row 1',
      },
    ]);
  });

  it('gives the first worksheet back when none has a heading row', async () => {
    const buffer = await workbookBuffer((workbook) => {
      workbook.addWorksheet('Notes').addRow(['Just notes']);
    });
    expect((await readXlsx(buffer, 'plan.xlsx')).rows).toEqual([
      { cells: ['Just notes'], location: 'row 1' },
    ]);
  });

  it('rejects a file that is not a workbook', async () => {
    await expect(readXlsx(Buffer.from('not a zip at all'), 'plan.xlsx')).rejects.toThrow(
      /^plan\.xlsx: could not be read as an Excel workbook \(.+\); expected an \.xlsx file/,
    );
  });
});
