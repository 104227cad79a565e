import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, isListening } from '../../src/util/net';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('a graceful local stop', () => {
  it('stops the embedded Azurite and the playground it started, even mid-start', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'apb-local-stop-'));
    const dataDir = path.join(cwd, 'data');
    const playgroundPort = await freePort();
    const child = spawn(process.execPath, [path.join(__dirname, '../../bin/start.js')], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: cwd,
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        PLAYGROUND_PORT: String(playgroundPort),
        SCHEDULER: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      expect(await waitFor(() => output.includes('"msg":"bot listening"'), 60_000)).toBe(true);
      const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'azurite.json'), 'utf8')) as {
        pid: number;
      };
      expect(alive(lock.pid)).toBe(true);
      // The playground may still be starting: the stop must wait for it and end it too.
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toMatch(/"signal":"SIGTERM".*"msg":"stopping"/);
      expect(await waitFor(() => !alive(lock.pid), 15_000)).toBe(true);
      expect(await waitFor(async () => !(await isListening(playgroundPort)), 15_000)).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'azurite.json'))).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
