import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../config/paths';
import { isListening } from '../util/net';

/** A running Agents Playground. */
export interface Playground {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Microsoft's Agents Playground (a Teams-like client in the browser) against the bot.
 * It runs with node directly, not npx, so the PID held is the playground's own; its mock users
 * come from `.m365agentsplayground.yml` in the project folder.
 */
export async function startPlayground(options: {
  botPort: number;
  port: number;
}): Promise<Playground> {
  const root = projectRoot();
  const cli = path.join(
    path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')),
    'cli.js',
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [
      cli,
      '-e',
      `http://127.0.0.1:${options.botPort}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(options.port),
      '--disable-telemetry',
    ],
    { cwd: root, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  while (!(await isListening(options.port))) {
    if (child.exitCode !== null)
      throw new Error(`The Agents Playground exited with code ${child.exitCode}`);
    if (Date.now() > deadline)
      throw new Error(`The Agents Playground did not start on port ${options.port}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `http://localhost:${options.port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
