// bench:turn — card-update turns over HTTP next to a bare botbuilder echo turn through the same
// server, and a chair's summary of a 10,000-action plan next to a raw read of its partition.
//
// Card updates are timed on two layouts of the same 10,000 actions: a council's plans (40 plans
// of 250 actions, each action with two earlier updates) and a single plan of 10,000 actions. The
// officer opens each action before pressing Update on its card, as in Teams; the same press on
// an action this instance has not read (another instance sent the card, or it has restarted
// since) is timed apart as the cold turn.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { odata } from '@azure/data-tables';
import { ActivityHandler } from 'botbuilder';
import { createApp } from '../src/app';
import { encodeNudgeContext } from '../src/cards/nudge-context';
import { inputIds, VERBS } from '../src/cards/verbs';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { startAzurite } from '../src/storage/azurite';
import { HISTORY_ROWS } from '../src/storage/keys';
import { toUpdateEntity } from '../src/storage/updates-repository';
import { readJsonBody } from '../src/server/read-body';
import { openAction } from '../src/services/open-action';
import { createRepositories } from '../src/services/repositories';
import { DEFAULT_STORE_TIMINGS, TableStore } from '../src/storage/table-store';
import { TestConnector } from '../test/support/connector';
import { percentile, round, timed } from './bench-stats';
import { benchAction, benchPlan } from './seed-data';

const ACTIONS = 10_000;
const COUNCIL_PLANS = 40;
const COUNCIL_PLAN_SIZE = ACTIONS / COUNCIL_PLANS;
const EARLIER_UPDATES = 2;
const TURNS = 500;
const COLD_TURNS = 100;

/** An action whose card is pressed: on its own card, or first on a prompt listing `prompt`. */
interface Target {
  planId: string;
  ref: string;
  prompt?: string[];
}
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
  const councilPlans = Array.from({ length: COUNCIL_PLANS }, (_, i) => `plan-${i + 1}`);
  for (const [id, title] of [
    [PLAN, 'Corporate Improvement Plan'],
    ...councilPlans.map((id, i) => [id, `Scrutiny review ${i + 1}`]),
  ]) {
    await app.repos.plans.save(benchPlan(id, title));
  }
  // Seeding 10,000 rows on a busy machine can outlast a turn's 5-second storage timeout: the
  // seed goes through a store with a patient one; the turns use the app's own.
  const seeder = new TableStore(azurite.connectionString, 'bench', {
    ...DEFAULT_STORE_TIMINGS,
    requestTimeoutMs: 120_000,
  });
  await createRepositories(seeder).actions.saveMany(
    Array.from({ length: ACTIONS }, (_, i) => benchAction(PLAN, i)),
  );
  for (const planId of councilPlans) {
    const actions = Array.from({ length: COUNCIL_PLAN_SIZE }, (_, i) => benchAction(planId, i));
    await createRepositories(seeder).actions.saveMany(actions);
    await seeder.upsertMany(
      'actions',
      actions.flatMap((a) =>
        Array.from({ length: EARLIER_UPDATES }, (_, n) =>
          toUpdateEntity({
            id: randomUUID(),
            planId,
            ref: a.ref,
            at: new Date(Date.UTC(2026, 9, 1 + n * 14, 9)).toISOString(),
            by: officer.email,
            byName: officer.name,
            statusFrom: 'on-track',
            statusTo: 'on-track',
            note: `Earlier progress ${n + 1} on ${a.ref}`,
            dueFrom: null,
            dueTo: null,
            reason: null,
            source: 'card',
            event: null,
            reviewDate: null,
          }),
        ),
      ),
    );
  }

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
  // Storage requests the app makes, counted per turn (a figure the machine's load cannot move)
  // and timed: how long a turn waits on storage, to tell the emulator's share from the bot's.
  let storageCalls = 0;
  let storageWaits: [number, number][] = [];
  for (const name of ['plans', 'actions', 'people'] as const) {
    store.table(name).pipeline.addPolicy({
      name: 'countStorageCalls',
      sendRequest: async (request, next) => {
        storageCalls += 1;
        const start = performance.now();
        try {
          return await next(request);
        } finally {
          storageWaits.push([start, performance.now()]);
        }
      },
    });
  }
  /** Milliseconds in which at least one storage request was under way. */
  const waited = (spans: [number, number][]): number => {
    let total = 0;
    let reach = -Infinity;
    for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
      if (end <= reach) continue;
      total += end - Math.max(start, reach);
      reach = end;
    }
    return total;
  };
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
  /** "Update" on an action card, or on the first action of a prompt listing `prompt`. */
  const updateTurn = async (target: Target, version: string | undefined): Promise<number> => {
    const { planId, ref, prompt } = target;
    const slot = prompt ? '1' : '';
    const ids = inputIds(slot);
    const from = prompt
      ? encodeNudgeContext({
          items: prompt.map((r) => ({ planId, ref: r, reason: 'due-soon' as const, saved: false })),
          more: 0,
        })
      : undefined;
    const data = {
      verb: VERBS.updateAction,
      planId,
      ref,
      version,
      slot,
      from,
      [ids.status]: 'at-risk',
      [ids.note]: `Progress on ${ref}`,
    };
    return post(
      '/api/messages',
      activity(officer, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: VERBS.updateAction, data } },
      }),
    );
  };
  const echoTurn = (i: number) =>
    post('/api/echo', activity(officer, { type: 'message', text: `hello ${i}` }));

  const officerPerson = await app.repos.people.get(officer.email);
  if (!officerPerson) throw new Error('the officer is not in the directory');
  /** Card updates on the given actions, each after an echo turn, with the storage calls made. */
  const turns = async (
    targets: Target[],
    cardVersion: (target: Target) => Promise<string | undefined>,
  ) => {
    const times: number[] = [];
    const echoes: number[] = [];
    const own: number[] = [];
    const storage: number[] = [];
    let calls = 0;
    for (const [i, target] of targets.entries()) {
      // What the card carries is read first, outside the turn and its count.
      const version = await cardVersion(target);
      const before = storageCalls;
      storageWaits = [];
      const ms = await updateTurn(target, version);
      times.push(ms);
      storage.push(waited(storageWaits));
      own.push(ms - waited(storageWaits));
      calls += storageCalls - before;
      echoes.push(await echoTurn(i));
    }
    return { times, echoes, own, storage, calls: calls / targets.length };
  };
  // The officer opens the action: the card carries the version it showed.
  const opened = async (target: Target) =>
    (await openAction(app.repos, officerPerson, target, new Date())).action.version;
  // A prompt as this instance last built it (after an earlier Update on it): its actions read.
  const prompted = async ({ planId, ref, prompt = [] }: Target) => {
    const listed = await Promise.all(prompt.map((r) => app.repos.actions.get(planId, r)));
    return listed.find((a) => a?.ref === ref)?.version;
  };
  // Cold: the card's version read by another instance, so this one knows nothing of the action.
  const elsewhere = createRepositories(seeder);
  const readElsewhere = async ({ planId, ref }: Target) =>
    (await elsewhere.actions.get(planId, ref))?.version;
  const councilTarget = (i: number): Target => ({
    planId: councilPlans[i % COUNCIL_PLANS],
    ref: String(((i * 7) % COUNCIL_PLAN_SIZE) + 1),
  });
  // A prompt of three actions of one plan; Update is pressed on the first.
  const promptTarget = (i: number): Target => {
    const { planId, ref } = councilTarget(i);
    const first = Math.min(Number(ref), COUNCIL_PLAN_SIZE - 2);
    const prompt = [first, first + 1, first + 2].map(String);
    return { planId, ref: prompt[0], prompt };
  };

  // Warm-up (identity is remembered on the first turn, code paths are compiled).
  await turns(
    Array.from({ length: 20 }, (_, i) => ({ planId: PLAN, ref: String(ACTIONS - i) })),
    opened,
  );
  const council = await turns(
    Array.from({ length: TURNS }, (_, i) => councilTarget(i)),
    opened,
  );
  const councilCold = await turns(
    Array.from({ length: COLD_TURNS }, (_, i) => councilTarget(TURNS + i)),
    readElsewhere,
  );
  const prompts = await turns(
    Array.from({ length: TURNS }, (_, i) => promptTarget(i + 1000)),
    prompted,
  );
  const promptsCold = await turns(
    Array.from({ length: COLD_TURNS }, (_, i) => promptTarget(i + 2000)),
    readElsewhere,
  );
  const single = await turns(
    Array.from({ length: TURNS }, (_, i) => ({ planId: PLAN, ref: String(i + 1) })),
    opened,
  );
  const singleCold = await turns(
    Array.from({ length: COLD_TURNS }, (_, i) => ({ planId: PLAN, ref: String(ACTIONS / 2 + i) })),
    readElsewhere,
  );

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
  const p99 = (xs: number[]) => percentile(xs, 99);
  const p50 = (xs: number[]) => percentile(xs, 50);
  const figures = {
    bench: 'turn',
    actions: ACTIONS,
    plans: COUNCIL_PLANS,
    // A council's plans, the card opened here first: the goal.
    p50_ms: round(p50(council.times)),
    p99_ms: round(p99(council.times)),
    baseline_p50_ms: round(p50(council.echoes)),
    baseline_p99_ms: round(p99(council.echoes)),
    ratio: round(p99(council.times) / p99(council.echoes)),
    p50_ratio: round(p50(council.times) / p50(council.echoes)),
    storage_calls_per_turn: round(council.calls),
    // The same turns less the time they waited on storage: the bot's own part.
    storage_wait_p50_ms: round(p50(council.storage)),
    storage_wait_p99_ms: round(p99(council.storage)),
    own_p50_ms: round(p50(council.own)),
    own_p99_ms: round(p99(council.own)),
    own_ratio: round(p99(council.own) / p99(council.echoes)),
    cold_p99_ms: round(p99(councilCold.times)),
    cold_ratio: round(p99(councilCold.times) / p99(councilCold.echoes)),
    cold_storage_calls_per_turn: round(councilCold.calls),
    // Update on the first of three actions of a prompt.
    prompt_p50_ms: round(p50(prompts.times)),
    prompt_p99_ms: round(p99(prompts.times)),
    prompt_ratio: round(p99(prompts.times) / p99(prompts.echoes)),
    prompt_storage_calls_per_turn: round(prompts.calls),
    prompt_storage_wait_p99_ms: round(p99(prompts.storage)),
    prompt_own_ratio: round(p99(prompts.own) / p99(prompts.echoes)),
    prompt_cold_p99_ms: round(p99(promptsCold.times)),
    prompt_cold_ratio: round(p99(promptsCold.times) / p99(promptsCold.echoes)),
    prompt_cold_storage_calls_per_turn: round(promptsCold.calls),
    // One plan of 10,000 actions.
    single_plan_p50_ms: round(p50(single.times)),
    single_plan_p99_ms: round(p99(single.times)),
    single_plan_baseline_p99_ms: round(p99(single.echoes)),
    single_plan_ratio: round(p99(single.times) / p99(single.echoes)),
    single_plan_storage_calls_per_turn: round(single.calls),
    single_plan_storage_wait_p99_ms: round(p99(single.storage)),
    single_plan_own_p99_ms: round(p99(single.own)),
    single_plan_own_ratio: round(p99(single.own) / p99(single.echoes)),
    single_plan_cold_p99_ms: round(p99(singleCold.times)),
    single_plan_cold_ratio: round(p99(singleCold.times) / p99(singleCold.echoes)),
    single_plan_cold_storage_calls_per_turn: round(singleCold.calls),
    summary_ms: round(p50(summary)),
    partition_read_ms: round(p50(raw)),
    summary_ratio: round(p50(summary) / p50(raw)),
  };
  const line = (label: string, times: number[], echoes: number[], calls: number) =>
    `${label.padEnd(22)} p50 ${round(p50(times))} ms, p99 ${round(p99(times))} ms; ` +
    `echo p50 ${round(p50(echoes))} ms, p99 ${round(p99(echoes))} ms; ` +
    `p99 ratio ${round(p99(times) / p99(echoes))}; ${round(calls)} storage calls`;
  process.stdout.write(
    [
      `${ACTIONS} actions, ${TURNS} turns each (${COLD_TURNS} cold)`,
      `${COUNCIL_PLANS} plans of ${COUNCIL_PLAN_SIZE}, ${EARLIER_UPDATES} earlier updates each:`,
      line('  card update', council.times, council.echoes, council.calls),
      line('  less storage wait', council.own, council.echoes, 0),
      `  storage wait           p50 ${figures.storage_wait_p50_ms} ms, p99 ${figures.storage_wait_p99_ms} ms`,
      line('  cold card update', councilCold.times, councilCold.echoes, councilCold.calls),
      `a prompt of 3 actions, Update on the first:`,
      line('  prompt update', prompts.times, prompts.echoes, prompts.calls),
      line('  less storage wait', prompts.own, prompts.echoes, 0),
      line('  cold prompt update', promptsCold.times, promptsCold.echoes, promptsCold.calls),
      `one plan of ${ACTIONS}:`,
      line('  card update', single.times, single.echoes, single.calls),
      line('  less storage wait', single.own, single.echoes, 0),
      line('  cold card update', singleCold.times, singleCold.echoes, singleCold.calls),
      `goal: p99 ratio ≤ 1.5`,
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
