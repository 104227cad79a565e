// bench:turn — a card-update turn over HTTP on a plan of 10,000 actions, next to a bare
// botbuilder echo turn through the same server; and a chair's summary of that plan next to a raw
// read of its partition.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { odata } from '@azure/data-tables';
import { ActivityHandler } from 'botbuilder';
import { createApp } from '../src/app';
import { VERBS } from '../src/cards/verbs';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { startAzurite } from '../src/storage/azurite';
import { HISTORY_ROWS } from '../src/storage/keys';
import { readJsonBody } from '../src/server/read-body';
import { createRepositories } from '../src/services/repositories';
import { DEFAULT_STORE_TIMINGS, TableStore } from '../src/storage/table-store';
import { TestConnector } from '../test/support/connector';
import { percentile, round, timed } from './bench-stats';

const ACTIONS = 10_000;
const TURNS = 300;
const SUMMARIES = 15;
const PLAN = 'improvement';
const TENANT = 'tenant-1';
const officer = {
  id: 'user-1',
  aadObjectId: 'aad-officer',
  name: 'Sam Okafor',
  email: 'sam@council.example',
};
const chair = {
  id: 'user-2',
  aadObjectId: 'aad-chair',
  name: 'Cllr Jones',
  email: 'jones@council.example',
};

async function main(): Promise<void> {
  const azurite = await startAzurite({ inMemory: true });
  const connector = new TestConnector({
    members: [officer, chair].map((p) => ({
      id: p.id,
      name: p.name,
      aadObjectId: p.aadObjectId,
      email: p.email,
    })),
  });
  await connector.start();
  const store = new TableStore(azurite.connectionString, 'bench');
  await store.ensureTables();
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = createApp({ config, store, logger: createLogger('silent') });
  await app.repos.people.importEntries([
    {
      ...officer,
      posts: ['Head of Democratic Services'],
      service: 'Democratic Services',
      roles: ['officer'],
    },
    { ...chair, posts: [], service: null, roles: ['chair'] },
  ]);
  await app.repos.plans.save({
    id: PLAN,
    title: 'Corporate Improvement Plan',
    date: '2026-09-07',
    committee: null,
    sourceFile: null,
    importedAt: new Date().toISOString(),
    timezone: 'Europe/London',
    chairDigestEmails: [],
  });
  // Seeding 10,000 rows on a busy machine can outlast a turn's 5-second storage timeout: the
  // seed goes through a store with a patient one; the turns use the app's own.
  const seeder = new TableStore(azurite.connectionString, 'bench', {
    ...DEFAULT_STORE_TIMINGS,
    requestTimeoutMs: 120_000,
  });
  await createRepositories(seeder).actions.saveMany(
    Array.from({ length: ACTIONS }, (_, i) => ({
      planId: PLAN,
      ref: String(i + 1),
      recommendation: `That the council reviews service ${i + 1}.`,
      proposedAction: `Review ${i + 1} will be carried out with partners.`,
      owners: ['Head of Democratic Services'],
      budget: 'N/A',
      timescale: 'March 2027',
      due: i % 4 === 0 ? '2026-03-31' : '2027-03-31',
      revisedDue: null,
      revisedReason: null,
      status: 'on-track' as const,
      lastUpdateAt: null,
      lastUpdateBy: null,
      lastNote: null,
    })),
  );

  // The same server also answers a bare echo bot through the same CloudAdapter: the baseline.
  const echo = new ActivityHandler();
  echo.onMessage(async (context, next) => {
    await context.sendActivity(`Echo: ${context.activity.text}`);
    await next();
  });
  // Its body is read the way /api/messages reads one (the server has no body parser).
  app.server.server.post('/api/echo', async (req, res) => {
    const read = await readJsonBody(req, { maxBytes: 512 * 1024, timeoutMs: 30_000 });
    if (!read.ok) {
      res.send(read.refusal.status, { error: read.refusal.error });
      return;
    }
    (req as { body?: unknown }).body = read.value;
    await app.adapter.process(req, res, (context) => echo.run(context));
  });
  // Storage requests the app makes, counted per turn: a figure the machine's load cannot move.
  let storageCalls = 0;
  for (const name of ['plans', 'actions', 'people'] as const) {
    store.table(name).pipeline.addPolicy({
      name: 'countStorageCalls',
      sendRequest: (request, next) => {
        storageCalls += 1;
        return next(request);
      },
    });
  }
  await app.server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  const activity = (user: typeof officer, fields: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    id: randomUUID(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:bot', name: 'Action Plan Bot' },
    conversation: { id: `a:${user.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...fields,
  });
  const post = async (route: string, body: unknown): Promise<number> => {
    const { ms } = await timed(async () => {
      const response = await fetch(`${base}${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      if (response.status >= 400) throw new Error(`${route} answered ${response.status}`);
    });
    return ms;
  };
  const updateTurn = async (ref: string, version: string | undefined): Promise<number> =>
    post(
      '/api/messages',
      activity(officer, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: VERBS.updateAction,
            data: {
              verb: VERBS.updateAction,
              planId: PLAN,
              ref,
              version,
              slot: '',
              status: 'at-risk',
              note: `Progress on ${ref}`,
            },
          },
        },
      }),
    );
  const echoTurn = (i: number) =>
    post('/api/echo', activity(officer, { type: 'message', text: `hello ${i}` }));

  // Warm-up (identity is remembered on the first turn), then interleave so both see the same load.
  for (let i = 0; i < 20; i++) {
    const ref = String(ACTIONS - i);
    await updateTurn(ref, (await app.repos.actions.get(PLAN, ref))?.version);
    await echoTurn(i);
  }
  const update: number[] = [];
  const baseline: number[] = [];
  let turnCalls = 0;
  for (let i = 0; i < TURNS; i++) {
    // The version the card carries is read first, outside the turn and its count.
    const ref = String((i % ACTIONS) + 1);
    const action = await app.repos.actions.get(PLAN, ref);
    const before = storageCalls;
    update.push(await updateTurn(ref, action?.version));
    turnCalls += storageCalls - before;
    baseline.push(await echoTurn(i));
  }

  const summary: number[] = [];
  const raw: number[] = [];
  await post('/api/messages', activity(chair, { type: 'message', text: `summary ${PLAN}` }));
  for (let i = 0; i < SUMMARIES; i++) {
    summary.push(
      await post('/api/messages', activity(chair, { type: 'message', text: `summary ${PLAN}` })),
    );
    raw.push(
      (
        await timed(async () => {
          const rows = [];
          // The action rows of the partition, as the summary reads them (history rows apart).
          const filter = odata`PartitionKey eq ${PLAN} and RowKey lt ${HISTORY_ROWS.from}`;
          for await (const row of store
            .table('actions')
            .listEntities({ queryOptions: { filter } })) {
            rows.push(row);
          }
          const n = rows.length;
          if (n !== ACTIONS) throw new Error(`read ${n} rows`);
        })
      ).ms,
    );
  }
  const figures = {
    bench: 'turn',
    actions: ACTIONS,
    p50_ms: round(percentile(update, 50)),
    p99_ms: round(percentile(update, 99)),
    baseline_p50_ms: round(percentile(baseline, 50)),
    baseline_p99_ms: round(percentile(baseline, 99)),
    ratio: round(percentile(update, 99) / percentile(baseline, 99)),
    p50_ratio: round(percentile(update, 50) / percentile(baseline, 50)),
    storage_calls_per_turn: round(turnCalls / TURNS),
    summary_ms: round(percentile(summary, 50)),
    partition_read_ms: round(percentile(raw, 50)),
    summary_ratio: round(percentile(summary, 50) / percentile(raw, 50)),
  };
  process.stdout.write(
    [
      `plan of ${ACTIONS} actions, ${TURNS} turns each`,
      `card update turn:   p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms`,
      `echo turn:          p50 ${figures.baseline_p50_ms} ms, p99 ${figures.baseline_p99_ms} ms`,
      `p99 ratio:          ${figures.ratio} (goal ≤ 1.5); p50 ratio ${figures.p50_ratio}`,
      `storage calls:      ${figures.storage_calls_per_turn} per card update turn`,
      `chair summary:      ${figures.summary_ms} ms (median of ${SUMMARIES})`,
      `raw partition read: ${figures.partition_read_ms} ms`,
      `summary ratio:      ${figures.summary_ratio} (goal ≤ 1.3)`,
      '',
    ].join('\n'),
  );
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  await app.server.close();
  await connector.stop();
  await azurite.stop();
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
