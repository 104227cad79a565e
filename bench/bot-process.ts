// The bot as production runs it, for the benchmarks that measure its footprint: `node
// bin/start.js` on the compiled dist/ (built first when missing or older than src/), in a
// process of its own whose memory is read from outside.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { choose } from '../bin/launch';
import { freePort } from '../src/util/net';

const ROOT = path.join(__dirname, '..');

/** A running production bot. */
export interface BotProcess {
  base: string;
  pid: number;
  /** Resident memory now, in MB. */
  rssMb(): number;
  /** Writes a heap snapshot into `dir` (named by Node) and waits until it is complete. */
  heapSnapshot(dir: string): Promise<string>;
  stop(): Promise<void>;
}

/** Builds dist/ unless it is already current, so the figures are the production build's. */
export function ensureBuilt(): void {
  const choice = choose(ROOT, 'index', true);
  if (choice.run === 'dist' && !choice.stale) return;
  process.stdout.write('Building dist/ first: the benchmark measures the compiled bot.\n');
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

/** Resident set size of a process in MB (Linux /proc, else ps). */
export function rssMbOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)/m.exec(status);
    if (kb) return Number(kb[1]) / 1024;
  } catch {
    // Not Linux: ask ps.
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) / 1024;
}

async function waitHealthy(base: string, child: ChildProcess, log: () => string): Promise<void> {
  // Generous: on a busy machine a start can take many seconds.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the bot did not answer /healthz within 120 s:\n${log()}`);
}

/**
 * Starts `node bin/start.js` against the given table store, with only the settings given (no
 * .env: it runs in an empty folder). `snapshots` lets {@link BotProcess.heapSnapshot} work.
 */
export async function startBotProcess(options: {
  connectionString: string;
  tablePrefix: string;
  snapshots?: boolean;
}): Promise<BotProcess> {
  const port = await freePort();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bot-'));
  const execArgv = options.snapshots ? ['--heapsnapshot-signal=SIGUSR2'] : [];
  const child = spawn(process.execPath, [...execArgv, path.join(ROOT, 'bin', 'start.js')], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? cwd,
      TABLES_CONNECTION_STRING: options.connectionString,
      TABLE_PREFIX: options.tablePrefix,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SCHEDULER: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(base, child, () => output);
  const pid = child.pid ?? -1;
  return {
    base,
    pid,
    rssMb: () => rssMbOf(pid),
    async heapSnapshot(dir) {
      const before = new Set(fs.readdirSync(cwd));
      child.kill('SIGUSR2');
      // Node writes the file in one go while the process stands still; wait until it answers.
      const deadline = Date.now() + 120_000;
      for (;;) {
        const made = fs.readdirSync(cwd).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
        if (
          made &&
          (await fetch(`${base}/healthz`)
            .then((r) => r.ok)
            .catch(() => false))
        ) {
          fs.mkdirSync(dir, { recursive: true });
          const to = path.join(dir, made);
          fs.copyFileSync(path.join(cwd, made), to);
          fs.rmSync(path.join(cwd, made));
          return to;
        }
        if (Date.now() > deadline) throw new Error('no heap snapshot within 120 s');
        await new Promise((r) => setTimeout(r, 500));
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}
