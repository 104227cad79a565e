import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { runCli } from '../../src/cli/run-cli';
import { testConnectionString } from '../support/store';

const FIXTURE = path.join(__dirname, '../fixtures/000_77f21607da4671ce.txt');

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

describe('action-plan-bot plan and export --format docx', () => {
  const env = {
    TABLES_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: `p${randomBytes(4).toString('hex')}`,
  };

  beforeAll(async () => {
    expect((await cli(['import', FIXTURE, '--plan', 'members'], env)).code).toBe(0);
  });

  it('changes the status words and sign-off, refusing values it does not know', async () => {
    const set = await cli(
      ['plan', 'settings', 'members', '--labels', 'rag', '--sign-off', 'off'],
      env,
    );
    expect(set.out).toContain('sign-off off, status words "rag"');
    const bad = await cli(['plan', 'settings', 'members', '--labels', 'traffic'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--labels must be one of standard, rag, achievement, not "traffic"/);
    expect((await cli(['plan', 'settings', 'members', '--sign-off', 'maybe'], env)).code).toBe(2);
  });

  it('writes the committee paper in the plan’s words', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'paper-'));
    const out = path.join(dir, 'paper.docx');
    const result = await cli(['export', 'members', '--format', 'docx', '--out', out], env);
    expect(result.out).toBe(`Wrote the committee report on 4 actions to ${out}.`);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain("AD HOC SCRUTINY PANEL MEMBERS' COMMUNICATIONS - ACTION PLAN");
    expect(text).toContain('Green: achieved');
    expect(text).not.toContain('awaiting sign-off');
  });

  it('refuses to close a plan with open actions, naming them', async () => {
    const closed = await cli(['plan', 'close', 'members'], env);
    expect(closed.code).toBe(1);
    expect(closed.err).toContain('still has open actions (2, 4)');
    expect((await cli(['summary', 'members', '--json'], env)).code).toBe(0);
  });
});
