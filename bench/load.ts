// bench:load — 100 simulated Teams users for 60 s (LOAD_SECONDS to shorten) against the bot as
// production runs it: `node bin/start.js` on the compiled dist/, in its own process, on an
// in-memory Azurite. After an untimed hello from each (they have used the bot before), each user
// pauses 1–3 s (reading the last answer), then asks for their actions, updates one of them from
// its card, or, for chairs, asks for a plan summary.
// The users and the Bot Connector stand-in run in another child process (bench/load-users.ts),
// so the figures are the bot's: throughput, p50/p99 over all requests, errors, and the bot
// process's resident memory idle (started, nothing asked yet), at its peak under load and after.
// A second run of the same length adds a hostile mix (bench/hostile-requests.ts): malformed,
// oversized and compressed bodies making up 10% of requests; it reports the good requests' p99
// against the clean run's, and that the process is still up.
// LOAD_HEAP_SNAPSHOTS=DIR writes heap snapshots of the bot idle and just after the clean run.
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createRepositories } from '../src/services/repositories';
import { startAzurite } from '../src/storage/azurite';
import { TableStore } from '../src/storage/table-store';
import { percentile, round } from './bench-stats';
import { ensureBuilt, startBotProcess, type BotProcess } from './bot-process';
import { startHostile, type HostileStats } from './hostile-requests';
import { seedLoadPlan, type LoadUser } from './load-data';
import type { LoadMessage, Sample } from './load-users';

const USERS = 100;
const SECONDS = Number(process.env.LOAD_SECONDS ?? '60');
const THINK_MS: [number, number] = [1000, 3000];
const PREFIX = 'load';
/** Goals: resident memory idle and at the peak under this load, and p99 of the clean run. */
const GOALS = { rssIdleMb: 150, rssPeakMb: 250, p99Ms: 300 };
/** Seconds the bot is left alone after it answers /healthz before its idle memory is read. */
const SETTLE_SECONDS = 5;

/** Highest resident memory seen while `during` runs, read every 250 ms. */
async function peakRss<T>(
  bot: BotProcess,
  during: Promise<T>,
): Promise<{ value: T; peakMb: number }> {
  let peakMb = bot.rssMb();
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, bot.rssMb())), 250);
  try {
    const value = await during;
    return { value, peakMb: Math.max(peakMb, bot.rssMb()) };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  ensureBuilt();
  const snapshots = process.env.LOAD_HEAP_SNAPSHOTS;
  const loadStart = os.loadavg()[0];
  const azurite = await startAzurite({ inMemory: true });
  const store = new TableStore(azurite.connectionString, PREFIX);
  await store.ensureTables();
  const repos = createRepositories(store);
  const users = Array.from({ length: USERS }, (_, i): LoadUser => ({
    id: `load-user-${i}`,
    aadObjectId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    name: `Officer ${i}`,
    email: `officer${i}@council.example`,
    chair: i % 10 === 0,
  }));
  const { plan, actionsOf } = await seedLoadPlan(repos, users);
  const bot = await startBotProcess({
    connectionString: azurite.connectionString,
    tablePrefix: PREFIX,
    snapshots: Boolean(snapshots),
  });
  const base = bot.base;
  await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
  const rssIdle = bot.rssMb();
  const snapshotFiles: string[] = [];
  if (snapshots) snapshotFiles.push(await bot.heapSnapshot(snapshots));

  // Each run starts from the cards as stored now, as people's Teams clients would show them.
  const runUsers = async () => {
    const stored = new Map((await repos.actions.listByPlan(plan)).map((a) => [a.ref, a]));
    const teams = fork(path.join(__dirname, 'load-users.ts'), [], {
      execArgv: ['--import', 'tsx'],
    });
    return new Promise<Extract<LoadMessage, { type: 'done' }>>((resolve, reject) => {
      teams.once('error', reject);
      teams.once('exit', (code) => reject(new Error(`the simulated users stopped (exit ${code})`)));
      teams.on('message', (message: LoadMessage) => {
        if (message.type !== 'done') return;
        teams.removeAllListeners('exit');
        teams.kill();
        resolve(message);
      });
      const start: LoadMessage = {
        type: 'start',
        base,
        plan,
        seconds: SECONDS,
        thinkMs: THINK_MS,
        users: users.map((user) => ({
          user,
          cards: actionsOf(user).map((seeded) => {
            const a = stored.get(seeded.ref) ?? seeded;
            return { ref: a.ref, version: a.version, status: a.status };
          }),
        })),
      };
      teams.send(start);
    });
  };
  const clean = await peakRss(bot, runUsers());
  const result = clean.value;
  if (snapshots) snapshotFiles.push(await bot.heapSnapshot(snapshots));
  // Hostile requests make up 10% of the second run: one for every nine good ones.
  const goodPerSecond = result.samples.length / result.elapsedSeconds;
  const hostile = startHostile(base, Math.max(1, goodPerSecond / 9));
  const withHostile = await peakRss(bot, runUsers());
  const mixed = withHostile.value;
  const hostileStats: HostileStats = await hostile.stop();
  const alive = (await fetch(`${base}/healthz`)).status === 200;
  await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
  const rssAfter = bot.rssMb();
  const loadEnd = os.loadavg()[0];

  const { samples, elapsedSeconds } = result;
  const times = samples.map((s) => s.ms);
  const errors = samples.filter((s) => s.error !== null);
  const p99Clean = percentile(times, 99);
  const p99Mixed = round(
    percentile(
      mixed.samples.map((s) => s.ms),
      99,
    ),
  );
  const ratio = round(p99Mixed / p99Clean, 2);
  const mixedErrors = mixed.samples.filter((s) => s.error !== null).length;
  const line = (kind: Sample['kind']): string => {
    const t = samples.filter((s) => s.kind === kind).map((s) => s.ms);
    const p50 = round(percentile(t, 50));
    const p99 = round(percentile(t, 99));
    return `${kind.padEnd(11)} ${String(t.length).padStart(6)}  p50 ${p50} ms, p99 ${p99} ms`;
  };
  process.stdout.write(
    [
      `${USERS} users for ${round(elapsedSeconds, 1)} s, one bot process on Azurite (in memory)`,
      `requests:   ${samples.length} (${round(samples.length / elapsedSeconds, 1)} a second)`,
      line('update'),
      line('my-actions'),
      line('summary'),
      `all:        p50 ${round(percentile(times, 50))} ms, p99 ${round(percentile(times, 99))} ms`,
      `errors:     ${errors.length} (goal 0)${errors.length ? `, e.g. ${errors[0].error}` : ''}`,
      `p99 goal:   ${GOALS.p99Ms} ms (${p99Clean <= GOALS.p99Ms ? 'met' : 'NOT met'})`,
      `bot RSS:    idle ${round(rssIdle, 1)} MB (goal ${GOALS.rssIdleMb}), peak ${round(clean.peakMb, 1)} MB under load (goal ${GOALS.rssPeakMb}), ${round(withHostile.peakMb, 1)} MB with hostile requests, ${round(rssAfter, 1)} MB after`,
      `machine:    ${os.cpus().length} CPUs, load average ${round(loadStart, 1)} at the start and ${round(loadEnd, 1)} at the end`,
      ...snapshotFiles.map((file) => `heap snapshot: ${file}`),
      ...(snapshots
        ? [
            '(writing a snapshot raises the RSS for a while: memory figures of this run are not the goal figures)',
          ]
        : []),
      `with 10% hostile requests (${hostileStats.sent} sent: ${JSON.stringify(hostileStats.answers)}):`,
      `  good:     ${mixed.samples.length}, p99 ${p99Mixed} ms (${ratio}× the clean run), errors ${mixedErrors}`,
      `  hostile answered 5xx: ${hostileStats.serverErrors}; process ${alive ? 'up and healthy' : 'NOT healthy'}`,
      '',
    ].join('\n'),
  );
  process.stdout.write(
    `${JSON.stringify({
      bench: 'load',
      users: USERS,
      seconds: SECONDS,
      requests: samples.length,
      errors: errors.length,
      p50_ms: round(percentile(times, 50)),
      p99_ms: round(percentile(times, 99)),
      rss_idle_mb: round(rssIdle, 1),
      rss_peak_mb: round(clean.peakMb, 1),
      rss_peak_with_hostile_mb: round(withHostile.peakMb, 1),
      rss_after_mb: round(rssAfter, 1),
      goal_rss_idle_mb: GOALS.rssIdleMb,
      goal_rss_peak_mb: GOALS.rssPeakMb,
      goal_p99_ms: GOALS.p99Ms,
      cpus: os.cpus().length,
      loadavg_start: round(loadStart, 1),
      loadavg_end: round(loadEnd, 1),
      hostile_share: 0.1,
      hostile_requests: hostileStats.sent,
      hostile_server_errors: hostileStats.serverErrors,
      crashes: alive ? 0 : 1,
      good_requests_with_hostile: mixed.samples.length,
      errors_with_hostile: mixedErrors,
      p99_with_hostile_ms: p99Mixed,
      p99_ratio_hostile_vs_clean: ratio,
    })}\n`,
  );
  await bot.stop();
  await azurite.stop();
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
