// bench:fanout — 10,000 people each owed a nudge, sent through a local Bot Connector that enforces
// Teams' rate limits (scaled up by SCALE so the run fits in under a minute) and fails 5% of the
// requests it accepts with 429 or 503 and drops 1% of connections before reading the request,
// while a second process keeps a CPU busy. Checks every person gets exactly one message and how
// close the send rate comes to the enforced ceiling.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { scaleLimits, TEAMS_LIMITS } from '../src/notify/send-limiter';
import { createRepositories } from '../src/services/repositories';
import { startAzurite } from '../src/storage/azurite';
import { DEFAULT_STORE_TIMINGS, TableStore } from '../src/storage/table-store';
import { round, timed } from './bench-stats';
import type { ConnectorMessage } from './fanout-connector';
import { benchAction, benchPlan } from './seed-data';

// FANOUT_PEOPLE and FANOUT_SCALE are for quick experiments; the reported run uses the defaults.
const PEOPLE = Number(process.env.FANOUT_PEOPLE ?? '10000');
/** Teams' limits × SCALE: 50 a second becomes SCALE × 50. */
const SCALE = Number(process.env.FANOUT_SCALE ?? '4');
const FAULT_RATE = 0.05;
/** Share of connections the connector drops before reading the request (a network blip). */
const DROP_RATE = Number(process.env.FANOUT_DROP_RATE ?? '0.01');
/** Processes that spin for the whole run, so the sender never has the machine to itself. */
const SPINNERS = Number(process.env.FANOUT_SPINNERS ?? '1');
const POSTS = 20;
const PLAN = 'fanout';
const TENANT = '00000000-0000-0000-0000-00000000fan0';
const AT = new Date('2026-11-25T09:00:00Z');

function startConnector(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(__dirname, 'fanout-connector.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      FANOUT_SCALE: String(SCALE),
      FANOUT_FAULT_RATE: String(FAULT_RATE),
      FANOUT_DROP_RATE: String(DROP_RATE),
    },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: ConnectorMessage) => {
      if (m.type === 'ready') resolve({ child, url: m.url });
    });
  });
}

function connectorStats(
  child: ChildProcess,
): Promise<Extract<ConnectorMessage, { type: 'stats' }>> {
  return new Promise((resolve) => {
    child.once('message', (m: ConnectorMessage) => {
      if (m.type === 'stats') resolve(m);
    });
    child.send({ type: 'stats' });
  });
}

async function seed(store: TableStore, serviceUrl: string): Promise<void> {
  const repos = createRepositories(store);
  const post = (i: number): string => `Project Lead ${(i % POSTS) + 1}`;
  await repos.plans.save(
    benchPlan(PLAN, 'Fan-out Improvement Plan', {
      date: '2026-01-01',
      importedAt: '2026-01-01T00:00:00Z',
    }),
  );
  await repos.actions.saveMany(
    Array.from({ length: POSTS }, (_, i) =>
      benchAction(PLAN, i, {
        recommendation: `Recommendation ${i + 1}`,
        proposedAction: `Deliver workstream ${i + 1} and report back to the panel.`,
        owners: [post(i)],
        timescale: 'October 2026',
        due: '2026-10-31',
      }),
    ),
  );
  const email = (i: number): string => `officer${i}@fanout.example`;
  await repos.people.importEntries(
    Array.from({ length: PEOPLE }, (_, i) => ({
      email: email(i),
      name: `Officer ${i}`,
      posts: [post(i)],
      service: 'Fan-out',
      roles: ['officer' as const],
    })),
  );
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < PEOPLE) {
      const i = next++;
      await repos.people.rememberTeamsIdentity(email(i), {
        tenantId: TENANT,
        conversationReference: {
          serviceUrl,
          channelId: 'msteams',
          conversation: { id: `a:fanout-${i}`, conversationType: 'personal', tenantId: TENANT },
          user: { id: `29:user-${i}`, name: `Officer ${i}` },
          bot: { id: '28:action-plan-bot', name: 'Action Plan Bot' },
        },
      });
    }
  };
  await Promise.all(Array.from({ length: 50 }, worker));
}

/** A process that keeps one CPU busy until it is killed. */
function spin(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

async function main(): Promise<void> {
  const azurite = await startAzurite({ inMemory: true });
  const { child, url } = await startConnector();
  const spinners = Array.from({ length: SPINNERS }, spin);
  try {
    // Azurite's point reads and writes slow down as a partition grows (a scan per request), and
    // the run's ledger and reply rows each share one partition: the server's 5-second request
    // timeout, meant for a person's turn, would cut them off late in the run.
    const store = new TableStore(azurite.connectionString, 'fan', {
      ...DEFAULT_STORE_TIMINGS,
      requestTimeoutMs: 120_000,
    });
    await store.ensureTables();
    // Progress goes to stderr, so a long run on a busy machine shows where it is.
    const progress = (text: string): boolean =>
      process.stderr.write(`[fanout ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
    progress(`seeding ${PEOPLE} people (load average ${round(os.loadavg()[0], 1)})`);
    const seeded = await timed(() => seed(store, url));
    progress(`seeded in ${round(seeded.ms / 1000, 1)} s; sending`);
    const limits = scaleLimits(TEAMS_LIMITS, SCALE);
    const ceiling = limits.perApp[0].limit / (limits.perApp[0].perMs / 1000);
    const app = createApp({
      config: loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false' }),
      store,
      logger: createLogger('silent'),
      now: () => new Date(),
      jobs: { notify: { limits }, maxPerRun: PEOPLE },
    });
    const run = await timed(async () => app.runJob('nudges', { at: AT, dryRun: false }));
    progress(`sent in ${round(run.ms / 1000, 1)} s`);
    const loadEnd = os.loadavg()[0];
    const report = run.value;
    const { delivered, stats, perSecond, dropped } = await connectorStats(child);
    let duplicates = 0;
    let lost = 0;
    for (let i = 0; i < PEOPLE; i += 1) {
      const count = delivered[`a:fanout-${i}`] ?? 0;
      if (count === 0) lost += 1;
      else duplicates += count - 1;
    }
    const sent = Object.values(delivered).reduce((sum, n) => sum + n, 0);
    const elapsed = run.ms / 1000;
    const notSent = new Map<string, number>();
    for (const m of report.messages) {
      if (m.outcome === 'sent') continue;
      const key = `${m.outcome}${m.reason ? `: ${m.reason}` : ''}`;
      notSent.set(key, (notSent.get(key) ?? 0) + 1);
    }
    const achieved = sent / elapsed;
    const ratio = achieved / ceiling;
    process.stdout.write(
      [
        `people:            ${PEOPLE}`,
        `limits scaled by:  ${SCALE} (app ceiling ${ceiling}/s; per conversation ${limits.perConversation.map((w) => `${w.limit}/${w.perMs / 1000}s`).join(', ')})`,
        `faults injected:   ${stats.injected429} × 429, ${stats.injected503} × 503 (${FAULT_RATE * 100}% of accepted)`,
        `dropped:           ${dropped} connections before reading the request (${DROP_RATE * 100}%)`,
        `CPU spinners:      ${SPINNERS} other process(es) busy for the whole run`,
        `over-limit 429s:   ${stats.throttled}`,
        `job report:        ${report.totals.sent} sent, ${report.totals.failed} failed, ${report.totals.unreachable} unreachable`,
        ...[...notSent].map(([what, n]) => `not sent:          ${n} × ${what}`),
        `messages received: ${sent}; duplicates ${duplicates}; lost ${lost}`,
        `elapsed:           ${round(elapsed, 2)} s (seeding the store before it: ${round(seeded.ms / 1000, 1)} s)`,
        `machine:           ${os.cpus().length} CPUs, load average ${round(loadEnd, 1)} at the end`,
        `accepted per s:    ${perSecond.join(' ')}`,
        `achieved:          ${round(achieved, 1)}/s = ${round(ratio, 3)} of the ceiling (goal ≥ 0.95)`,
        '',
      ].join('\n'),
    );
    process.stdout.write(
      `${JSON.stringify({
        bench: 'fanout',
        people: PEOPLE,
        sent,
        duplicates,
        lost,
        report_sent: report.totals.sent,
        report_failed: report.totals.failed,
        report_unreachable: report.totals.unreachable,
        injected_429: stats.injected429,
        injected_503: stats.injected503,
        over_limit_429: stats.throttled,
        dropped,
        drop_rate: DROP_RATE,
        spinners: SPINNERS,
        elapsed_s: round(elapsed, 2),
        seed_s: round(seeded.ms / 1000, 1),
        cpus: os.cpus().length,
        loadavg_end: round(loadEnd, 1),
        scale: SCALE,
        ceiling_per_s: ceiling,
        achieved_per_s: round(achieved, 1),
        ratio: round(ratio, 3),
      })}\n`,
    );
  } finally {
    for (const spinner of spinners) spinner.kill();
    child.send({ type: 'stop' });
    await azurite.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
