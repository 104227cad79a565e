import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/run-cli';
import { testConnectionString } from '../support/store';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/000_77f21607da4671ce.txt');

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

describe('action-plan-bot CLI', () => {
  const storage = () => ({
    TABLES_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: `c${randomBytes(4).toString('hex')}`,
  });

  it('prints the real plan as JSON in a dry run (the installed command)', async () => {
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, 'bin/action-plan-bot.js'), 'import', FIXTURE, '--dry-run', '--json'],
      {
        cwd: ROOT,
        env: { ...process.env, TABLES_CONNECTION_STRING: '' },
      },
    );
    const result = JSON.parse(stdout) as {
      plan: { id: string; title: string; date: string };
      actions: {
        ref: string;
        owners: string[];
        budget: string;
        timescale: string;
        due: string | null;
        status: string;
        recommendation: string;
        proposedAction: string;
      }[];
    };
    expect(Object.keys(result)).toEqual(['plan', 'actions', 'warnings']);
    expect(Object.keys(result.plan)).toEqual(['id', 'title', 'date']);
    expect(result.plan.title).toBe("AD HOC SCRUTINY PANEL MEMBERS' COMMUNICATIONS - ACTION PLAN");
    expect(result.plan.date).toBe('2021-09-07');
    expect(result.actions.map((a) => a.ref)).toEqual(['1', '2', '3', '4']);
    expect(Object.keys(result.actions[0])).toEqual([
      'ref',
      'recommendation',
      'proposedAction',
      'owners',
      'budget',
      'timescale',
      'due',
      'status',
    ]);
    const M = 'Head of Marketing and Communications';
    const D = 'Head of Democratic Services';
    expect(result.actions.map((a) => a.owners)).toEqual([[M], [M, D], [D], [M, D]]);
    expect(result.actions.map((a) => a.budget)).toEqual(['N/A', 'N/A', 'N/A', 'N/A']);
    expect(result.actions.map((a) => a.timescale)).toEqual([
      'Complete',
      'January 2022',
      'Complete',
      'November 2021',
    ]);
    expect(result.actions.map((a) => a.due)).toEqual([null, '2022-01-31', null, '2021-11-30']);
    expect(result.actions.map((a) => a.status)).toEqual([
      'complete',
      'not-started',
      'complete',
      'not-started',
    ]);
    expect(result.actions[3].recommendation).toMatch(
      /provide clarity to all Members on the appropriate use of social media\.$/,
    );
    expect(result.actions[3].proposedAction).toContain(
      'used as the basis for the first annual session.',
    );
  });

  it('imports people and a plan, summarises it and exports the report with its history', async () => {
    const env = storage();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-'));
    const people = path.join(dir, 'people.csv');
    await fs.writeFile(
      people,
      'name,email,post,service,role\nSam Okafor,Sam@Council.example,Head of Democratic Services,Democratic Services,officer\nCllr Jones,jones@council.example,,,chair\n',
    );
    expect(await cli(['people', 'import', people], env)).toEqual(
      expect.objectContaining({ code: 0, out: 'Imported 2 people.' }),
    );
    const imported = await cli(['import', FIXTURE, '--plan', 'members'], env);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Imported plan members: 4 new, 0 updated.');
    const again = await cli(['import', FIXTURE, '--plan', 'members'], env);
    expect(again.out).toContain('0 new, 4 updated');

    const summary = await cli(['summary', 'members', '--json'], env);
    expect(JSON.parse(summary.out)).toEqual(
      expect.objectContaining({
        total: 4,
        percentComplete: 50,
        counts: {
          'not-started': 2,
          'on-track': 0,
          'at-risk': 0,
          'off-track': 0,
          paused: 0,
          complete: 2,
          'not-agreed': 0,
          superseded: 0,
        },
        awaitingSignOff: ['1', '3'],
      }),
    );
    const text = await cli(['summary'], env);
    expect(text.out).toContain('50% complete');

    const xlsx = path.join(dir, 'report.xlsx');
    expect((await cli(['export', 'members', '--format', 'xlsx', '--out', xlsx], env)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Actions', 'Update history']);
    expect(workbook.getWorksheet('Actions')?.rowCount).toBe(4 + 4);
    const csv = path.join(dir, 'report.csv');
    const csvRun = await cli(['export', 'members', '--format', 'csv', '--out', csv], env);
    expect(csvRun.out).toContain('report-history.csv');
    expect((await fs.readFile(csv, 'utf8')).split('\n')[0]).toContain(
      'Ref,Recommendation,Proposed action',
    );
  });

  it('fails clearly with a non-zero exit for bad input, storing nothing', async () => {
    const env = storage();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-'));
    const missing = await cli(['import', path.join(dir, 'nope.txt')], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.txt.*not found/);
    const badPeople = path.join(dir, 'people.csv');
    await fs.writeFile(
      badPeople,
      'name,email,post,service,role\nSam,sam@council.example,,,officer\nJo,not-an-email,,,officer\n',
    );
    const people = await cli(['people', 'import', badPeople], env);
    expect(people.code).toBe(1);
    expect(people.err).toMatch(
      /people\.csv, row 3: expected an email address, found "not-an-email"/,
    );
    expect((await cli(['summary', '--json'], env)).out).toBe('[]');
    const format = await cli(['export', 'members', '--format', 'pdf', '--out', 'x.pdf'], env);
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/--format must be xlsx, csv or docx/);
    expect(
      (await cli(['export', 'nothing', '--format', 'csv', '--out', path.join(dir, 'x.csv')], env))
        .err,
    ).toMatch(/There is no plan "nothing"/);
    expect((await cli(['frobnicate'], env)).code).toBe(2);
    const config = await cli(['summary'], { ...env, PORT: 'x' });
    expect(config.code).toBe(2);
    expect(config.err).toMatch(/PORT/);
  });
});
