import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { choose } from '../../bin/launch';

const HOUR = 3600;
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** A project folder with the given files, each given its age in seconds. */
function project(files: Record<string, number>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-'));
  roots.push(root);
  const now = Date.now() / 1000;
  for (const [file, age] of Object.entries(files)) {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, '');
    fs.utimesSync(full, now - age, now - age);
  }
  return root;
}

describe('choosing how to run an entry point', () => {
  it('runs the compiled code when the build is newer than every source and template', () => {
    const root = project({
      'src/index.ts': 2 * HOUR,
      'src/bot/deep/file.ts': 2 * HOUR,
      'cards/action.json': 2 * HOUR,
      'dist/src/index.js': HOUR,
    });
    expect(choose(root, 'index', true)).toEqual({
      run: 'dist',
      file: path.join(root, 'dist/src/index.js'),
      stale: false,
    });
  });

  it('runs from source when any source file, however deep, changed after the build', () => {
    const root = project({
      'src/index.ts': 2 * HOUR,
      'src/bot/deep/file.ts': 60,
      'dist/src/index.js': HOUR,
    });
    expect(choose(root, 'index', true)).toMatchObject({ run: 'source', stale: true });
  });

  it('counts a changed card template as a change', () => {
    const root = project({
      'src/cli/main.ts': 2 * HOUR,
      'cards/action.json': 60,
      'dist/src/cli/main.js': HOUR,
    });
    expect(choose(root, 'cli/main', true)).toMatchObject({
      run: 'source',
      file: path.join(root, 'src/cli/main.ts'),
    });
  });

  it('runs from source in a checkout that was never built', () => {
    const root = project({ 'src/index.ts': HOUR });
    expect(choose(root, 'index', true)).toMatchObject({ run: 'source', stale: false });
  });

  it('runs the compiled code in an install without sources', () => {
    const root = project({ 'dist/src/index.js': HOUR });
    expect(choose(root, 'index', false)).toMatchObject({ run: 'dist', stale: false });
  });

  it('runs an out-of-date build, flagged stale, when tsx is not there to run the sources', () => {
    const root = project({ 'src/index.ts': 60, 'dist/src/index.js': HOUR });
    expect(choose(root, 'index', false)).toMatchObject({ run: 'dist', stale: true });
  });

  it('has nothing to run without a build or tsx', () => {
    const root = project({ 'src/index.ts': HOUR });
    expect(choose(root, 'index', false)).toMatchObject({ run: 'missing' });
  });
});

describe('the action-plan-bot command', () => {
  it('prints its help and exits 0', () => {
    const cli = path.join(__dirname, '../../bin/action-plan-bot.js');
    const result = spawnSync(process.execPath, [cli, '--help'], {
      encoding: 'utf8',
      env: { ...process.env, TABLES_CONNECTION_STRING: '' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: action-plan-bot');
    expect(result.stdout).toContain('import');
  });
});
