import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config/config';
import { ImportError } from '../import/types';
import { NotAllowedError, NotFoundError, ValidationError } from '../services/errors';
import type { Repositories } from '../services/repositories';
import type { OpenStore } from '../storage/open-store';
import { CliError, type CliContext } from './cli-context';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerJobs } from './commands/jobs';
import { registerPeopleImport } from './commands/people-import';
import { registerPlan } from './commands/plan';
import { registerSummary } from './commands/summary';

/** Extra commands registered by other parts of the app (e.g. the jobs). */
export type CommandRegistrar = (program: Command, ctx: CliContext) => void;

/** Where the CLI writes, and what it reads settings from (tests pass their own). */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
  now?: () => Date;
}

const USER_ERRORS = [
  CliError,
  ImportError,
  NotFoundError,
  ValidationError,
  NotAllowedError,
  ConfigError,
];

/** Runs one CLI invocation and returns its exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(
  argv: string[],
  io: CliIo,
  extra: CommandRegistrar[] = [],
): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  let opened: { open: OpenStore; repos: Repositories } | null = null;
  const ctx: CliContext = {
    config,
    out: io.out,
    err: io.err,
    now: io.now ?? (() => new Date()),
    storage: async () => {
      if (!opened) {
        // Loaded on first use, like each command's own work: `--help` and dry runs never load
        // the storage client (see the README on how long `--help` takes).
        const [{ openStore }, { createRepositories }] = await Promise.all([
          import('../storage/open-store'),
          import('../services/repositories'),
        ]);
        const open = await openStore(config, 'cli');
        opened = { open, repos: createRepositories(open.store) };
      }
      return opened;
    },
  };
  const program = new Command('action-plan-bot')
    .description('Action Plan Bot: import plans and people, export progress, run jobs')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });
  for (const register of [
    registerImport,
    registerPeopleImport,
    registerSummary,
    registerExport,
    registerPlan,
    registerJobs,
    ...extra,
  ]) {
    register(program, ctx);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (USER_ERRORS.some((type) => error instanceof type)) {
      io.err(`Error: ${(error as Error).message}`);
      return error instanceof CliError ? error.exitCode : 1;
    }
    io.err(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  } finally {
    const current = opened as { open: OpenStore } | null;
    if (current) await current.open.close();
  }
}
