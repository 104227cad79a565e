import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/run-cli';
import { testConnectionString } from '../support/store';

async function cli(args: string[], env: Record<string, string> = {}) {
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
  TABLE_PREFIX: `i${randomBytes(4).toString('hex')}`,
});

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-command-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const HEADINGS = 'Recommendation\tProposed action\tPost title\tTimescale\tStatus';

describe('import command', () => {
  it('prints a readable dry-run table with each warning under its row', async () => {
    const file = path.join(dir, 'plan.txt');
    await fs.writeFile(
      file,
      [
        'Housing Review Action Plan',
        HEADINGS,
        '1. That rents are reviewed\tA review\tHead of Housing\tMarch 2027\tOn track',
        '2. That repairs are faster\tNew contract\t\twhen funding allows\t',
      ].join('\n'),
    );
    const run = await cli(['import', file, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.out.split('\n')).toEqual([
      'Housing Review Action Plan (housing-review-action-plan), no date',
      '',
      'Ref  Owners           Due         Status',
      '---  ---------------  ----------  -----------',
      '1    Head of Housing  2027-03-31  on-track',
      '2    (no owner)       -           not-started',
      '      Warning: line 4: Timescale "when funding allows" was not understood; no due date was set.',
      '      Warning: line 4: no owner is given',
      'Dry run: 2 actions read, nothing stored.',
    ]);
    const json = await cli(['import', file, '--dry-run', '--json']);
    expect(JSON.parse(json.out).warnings).toEqual([
      {
        ref: '2',
        message: 'line 4: Timescale "when funding allows" was not understood; no due date was set.',
      },
      { ref: '2', message: 'line 4: no owner is given' },
    ]);
  });

  it('stops a plan that does not look right, storing nothing, unless the warnings are accepted', async () => {
    const file = path.join(dir, 'swapped.txt');
    // The owner and action columns were swapped when the table was made.
    await fs.writeFile(
      file,
      [
        HEADINGS,
        '1. That rents are reviewed\tHead of Housing\tThe service will review rents and report to the panel.\tMarch 2027\t',
        '2. That repairs are faster\tHead of Property\tA new contract will be let by the council.\tJune 2027\t',
      ].join('\n'),
    );
    const env = storage();
    const refused = await cli(['import', file], env);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('1    The service will review rents');
    expect(refused.err).toContain(
      'the plan was read but does not look right, so nothing was imported: ref 1: line 2: the owner "The service will review rents and report to the panel" reads like a sentence, not like a post title, so the owner column may hold other text; ref 2: line 3:',
    );
    expect(refused.err).toContain('import it anyway with --accept-warnings');
    expect((await cli(['summary', '--json'], env)).out).toBe('[]');
    const accepted = await cli(['import', file, '--accept-warnings', '--plan', 'swapped'], env);
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain('Imported plan swapped: 2 new, 0 updated.');
  });

  it('reads the sheet named with --sheet and refuses options that do not fit the file', async () => {
    const file = path.join(dir, 'book.xlsx');
    const workbook = new ExcelJS.Workbook();
    for (const name of ['2025-26', '2026-27']) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(['Recommendation', 'Post title', 'Timescale']);
      sheet.addRow([`1. That the ${name} plan is delivered`, 'Head of Finance', 'March 2027']);
    }
    await workbook.xlsx.writeFile(file);
    const first = await cli(['import', file, '--dry-run', '--json']);
    expect(JSON.parse(first.out).warnings).toEqual([
      {
        ref: null,
        message:
          'sheets "2026-27" also hold a plan table; only "2025-26" was read (choose another with --sheet)',
      },
    ]);
    const second = await cli(['import', file, '--dry-run', '--json', '--sheet', '2026-27']);
    expect(JSON.parse(second.out).actions[0].recommendation).toBe(
      'That the 2026-27 plan is delivered',
    );
    const missing = await cli(['import', file, '--dry-run', '--sheet', 'Summary']);
    expect(missing.err).toBe(
      `Error: ${file}: has no sheet called "Summary"; expected one of "2025-26", "2026-27"`,
    );
    const pages = await cli(['import', file, '--dry-run', '--pages', '2-1']);
    expect(pages.code).toBe(2);
    expect(pages.err).toContain('expected a page or a range of pages, such as 3 or 3-5');
  });
});
