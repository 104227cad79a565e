import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/run-cli';
import { readPlanBytes, readPlanFile } from '../../src/import/read-plan-file';
import { ImportError } from '../../src/import/types';
import { PLAN_HEADINGS, writePlanDocx, writePlanXlsx } from '../support/plan-documents';
import { testConnectionString } from '../support/store';
import { zipArchive } from '../support/zip-archive';

const HEADINGS = 'Recommendation\tProposed action\tPost title\tTimescale';
const ROW = (n: number, extra = ''): string =>
  `${n}. That the council reviews service ${n}${extra}\tA review\tHead of Finance\tMay 2026`;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-limits-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env: { LOG_LEVEL: 'silent', ...env },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    now: () => new Date('2026-11-25T10:00:00Z'),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const storage = () => ({
  TABLES_CONNECTION_STRING: testConnectionString(),
  TABLE_PREFIX: `l${randomBytes(4).toString('hex')}`,
});

describe('import limits', () => {
  it('refuses a file over 20 MB by its size, before reading it', async () => {
    const file = path.join(dir, 'huge.txt');
    const handle = await fs.open(file, 'w');
    await handle.truncate(21 * 1024 * 1024);
    await handle.close();
    await expect(readPlanFile(file)).rejects.toThrow(
      `${file}: the file is 21 MB; expected a plan document of at most 20 MB`,
    );
  });

  it('refuses a .docx whose parts inflate past the limit, whatever sizes it declares', async () => {
    const bomb = Buffer.alloc(110 * 1024 * 1024, 0x20);
    for (const declaredSize of [undefined, 1000]) {
      const archive = zipArchive([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: bomb, declaredSize },
      ]);
      expect(archive.length).toBeLessThan(1024 * 1024);
      await expect(readPlanBytes(archive, 'plan.docx')).rejects.toThrow(
        "plan.docx: the document's contents unpack to more than 100 MB",
      );
    }
  });

  it('reads a workbook with one stray cell at XFD1048576 by the cells present, not its extent', async () => {
    const file = path.join(dir, 'stray.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Recommendation', 'Post title', 'Timescale']);
    sheet.addRow(['1. That the council reviews it', 'Head of Finance', 'May 2026']);
    sheet.getCell('XFD1048576').value = 'x';
    await workbook.xlsx.writeFile(file);
    await expect(readPlanFile(file)).rejects.toThrow(
      `${file}, row 1048576: expected at most 3 columns, as in the heading row (row 1), but found 16384`,
    );
  });

  it('refuses a workbook whose merged cells cover the whole sheet, before loading it', async () => {
    const file = path.join(dir, 'merged.xlsx');
    await writePlanXlsx(
      {
        title: 'Plan',
        dateLine: null,
        headings: PLAN_HEADINGS,
        rows: [['1. A', 'B', 'Head of A', '', 'May 2026']],
      },
      file,
    );
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const name = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xml = await zip.file(name as string)!.async('string');
    const merged = xml
      .replace(/<mergeCells[^>]*>.*?<\/mergeCells>/s, '')
      .replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>',
      );
    zip.file(name as string, merged);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expect(readPlanBytes(bytes, 'merged.xlsx')).rejects.toThrow(
      /^merged\.xlsx: its merged cells cover 17,179,721,728 cells; expected a plan table/,
    );
  });

  it('refuses a table of more than 5,000 rows, naming the first row past the limit', async () => {
    const lines = [HEADINGS, ...Array.from({ length: 5_001 }, (_, i) => ROW(i + 1))];
    await expect(readPlanBytes(Buffer.from(lines.join('\n')), 'long.txt')).rejects.toThrow(
      'long.txt, line 5002: the table goes on past 5,000 rows; expected one plan of at most 5,000 actions',
    );
  });

  it('refuses a cell over 32,000 characters, naming its row, and stores nothing', async () => {
    const file = path.join(dir, 'long-cell.txt');
    await fs.writeFile(file, [HEADINGS, ROW(1), ROW(2, ' and'.repeat(10_000))].join('\n'));
    const env = storage();
    const run = await cli(['import', file], env);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `${file}, line 3: the recommendation cell has ${(40_000 + '2. That the council reviews service 2'.length).toLocaleString('en-GB')} characters; expected at most 32,000`,
    );
    expect(run.err).not.toMatch(/Unexpected error|RestError|\n\s+at /);
    expect((await cli(['summary', '--json'], env)).out).toBe('[]');
  });
});

describe('text encodings', () => {
  const table = `${HEADINGS}\n1. That the £5 fee is reviewed – soon\tA review\tHead of Finance\tMay 2026\n`;

  it('reads Windows-1252 with a warning saying so, never silently', async () => {
    const bytes = Buffer.from(table.replace('–', '\u0096'), 'latin1');
    const plan = await readPlanBytes(bytes, 'plan.txt');
    expect(plan.actions[0].recommendation).toBe('That the £5 fee is reviewed – soon');
    expect(plan.warnings).toEqual([
      {
        ref: null,
        message: expect.stringMatching(
          /^the file is not UTF-8 \(see line 2\), so it was read as Windows-1252/,
        ),
      },
    ]);
  });

  it('reads UTF-8 and UTF-16, with or without a byte order mark, without a warning', async () => {
    const utf16 = Buffer.from(table, 'utf16le');
    for (const bytes of [
      Buffer.from(table, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(table, 'utf8')]),
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]),
    ]) {
      const plan = await readPlanBytes(bytes, 'plan.txt');
      expect(plan.actions[0].recommendation).toBe('That the £5 fee is reviewed – soon');
      expect(plan.warnings).toEqual([]);
    }
  });

  it('refuses bytes that are not text in any encoding, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADINGS}\n1. A\t`), Buffer.from([0x81, 0x01])]);
    await expect(readPlanBytes(bytes, 'plan.txt')).rejects.toThrow(
      'plan.txt, line 2: holds bytes that are not text',
    );
  });
});

describe('people import', () => {
  it('says a folder is not a file, without a stack trace', async () => {
    const run = await cli(['people', 'import', dir], storage());
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `Error: ${path.basename(dir)}: is a folder, not a file; expected a .csv or .xlsx file`,
    );
  });

  it('reads a UTF-16 file as Excel saves "Unicode text"', async () => {
    const file = path.join(dir, 'people.csv');
    const csv =
      'name,email,post,service,role\nSam Okafor,sam@council.example,Head of Finance,,officer\n';
    await fs.writeFile(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]),
    );
    const run = await cli(['people', 'import', file], storage());
    expect(run).toEqual(expect.objectContaining({ code: 0, out: 'Imported 1 person.' }));
  });
});

describe('the reader is chosen from the bytes', () => {
  const table = {
    title: 'Plan',
    dateLine: null,
    headings: PLAN_HEADINGS,
    rows: [['1. That it is reviewed', 'A review', 'Head of Finance', '', 'May 2026']],
  };

  it.each([
    [
      'a workbook named .csv',
      writePlanXlsx,
      'plan.csv',
      'comma-separated text (.csv)',
      'an Excel workbook (.xlsx)',
    ],
    [
      'a Word document named .xlsx',
      writePlanDocx,
      'plan.xlsx',
      'an Excel workbook (.xlsx)',
      'a Word document (.docx)',
    ],
  ])('reads %s and says so', async (_, write, name, said, held) => {
    const file = path.join(dir, `real-${name}`);
    await write(table, file);
    const plan = await readPlanBytes(await fs.readFile(file), name);
    expect(plan.actions.map((a) => a.ref)).toEqual(['1']);
    expect(plan.warnings).toEqual([
      {
        ref: null,
        message: `the file's name says ${said} but it holds ${held}, so it was read as that`,
      },
    ]);
  });

  it('names what a file holds when it is not a plan document at all', async () => {
    const pptx = zipArchive([{ name: 'ppt/presentation.xml', data: Buffer.from('<p/>') }]);
    await expect(readPlanBytes(pptx, 'plan.docx')).rejects.toThrow(
      'plan.docx: is a PowerPoint presentation; expected a Word (.docx), Excel (.xlsx), PDF, CSV or text document',
    );
    await expect(readPlanBytes(randomBytes(64), 'plan.xlsx')).rejects.toBeInstanceOf(ImportError);
  });
});
