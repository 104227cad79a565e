// The Teams side of bench:load, run as a child process so the simulated users and the Bot
// Connector stand-in do not share the bot's event loop (or count in its memory). Started by
// bench/load.ts over IPC.
import { randomUUID } from 'node:crypto';
import { VERBS } from '../src/cards/verbs';
import { STATUSES, type Status } from '../src/domain/status';
import { TestConnector } from '../test/support/connector';
import type { LoadUser } from './load-data';

/** One request's kind, time and, if it went wrong, why. */
export interface Sample {
  kind: 'update' | 'my-actions' | 'summary';
  ms: number;
  error: string | null;
}

/** A card as its user last saw it: what an update click sends back. */
export interface ShownCard {
  ref: string;
  version: string;
  status: Status;
}

/** What the parent sends, and what the child answers. */
export type LoadMessage =
  | {
      type: 'start';
      base: string;
      plan: string;
      seconds: number;
      thinkMs: [number, number];
      users: { user: LoadUser; cards: ShownCard[] }[];
    }
  | { type: 'done'; samples: Sample[]; elapsedSeconds: number };

const TENANT = '00000000-0000-0000-0000-00000000load';

function findExecuteData(card: unknown): Record<string, unknown> | null {
  if (Array.isArray(card)) {
    for (const item of card) {
      const hit = findExecuteData(item);
      if (hit) return hit;
    }
  } else if (card && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === VERBS.updateAction) {
      return o.data as Record<string, unknown>;
    }
    for (const value of Object.values(o)) {
      const hit = findExecuteData(value);
      if (hit) return hit;
    }
  }
  return null;
}

async function run(start: Extract<LoadMessage, { type: 'start' }>): Promise<void> {
  const connector = new TestConnector({ members: start.users.map((u) => u.user) });
  await connector.start();
  // The stand-in keeps every reply; forgetting them keeps its memory flat.
  const forget = setInterval(() => connector.clear(), 1000);
  const activity = (user: LoadUser, fields: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    id: randomUUID(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:action-plan-bot', name: 'Action Plan Bot' },
    conversation: { id: `a:${user.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-GB',
    ...fields,
  });
  const post = async (
    kind: Sample['kind'],
    body: unknown,
  ): Promise<{ sample: Sample; answer: unknown }> => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    try {
      const response = await fetch(`${start.base}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      const elapsed = ms();
      const answer = (text ? (JSON.parse(text) as { value?: unknown }) : null)?.value;
      const error =
        response.status >= 400
          ? `HTTP ${response.status}`
          : typeof answer === 'string' && answer.startsWith('Sorry')
            ? answer.slice(0, 80)
            : null;
      return { sample: { kind, ms: elapsed, error }, answer };
    } catch (failure) {
      return { sample: { kind, ms: ms(), error: (failure as Error).message }, answer: null };
    }
  };

  // Warm-up, not timed: each user has used the bot before (Teams knows them, the bot has their
  // ids), as in a council where the app is installed.
  for (let i = 0; i < start.users.length; i += 10) {
    await Promise.all(
      start.users.slice(i, i + 10).map(async ({ user }) => {
        const hello = await post('my-actions', activity(user, { type: 'message', text: 'help' }));
        if (hello.sample.error) {
          throw new Error(`warm-up failed for ${user.name}: ${hello.sample.error}`);
        }
      }),
    );
  }

  const samples: Sample[] = [];
  const deadline = Date.now() + start.seconds * 1000;
  const [minThink, maxThink] = start.thinkMs;
  const simulate = async (user: LoadUser, cards: ShownCard[], index: number): Promise<void> => {
    let turn = 0;
    while (Date.now() < deadline) {
      const think = minThink + Math.random() * (maxThink - minThink);
      await new Promise((r) => setTimeout(r, Math.min(think, deadline - Date.now())));
      if (Date.now() >= deadline) break;
      turn += 1;
      const roll = Math.random();
      if (user.chair && roll < 0.4) {
        const text = `summary ${start.plan}`;
        const { sample } = await post('summary', activity(user, { type: 'message', text }));
        samples.push(sample);
      } else if (roll < 0.5) {
        const message = activity(user, { type: 'message', text: 'my actions' });
        const { sample } = await post('my-actions', message);
        samples.push(sample);
      } else {
        const card = cards[(index + turn) % cards.length];
        const status = STATUSES[(index + turn) % STATUSES.length];
        const data = {
          verb: VERBS.updateAction,
          planId: start.plan,
          ref: card.ref,
          version: card.version,
          shownStatus: card.status,
          slot: '',
          status,
          note: `Progress ${turn} from ${user.name}`,
        };
        const value = { action: { type: 'Action.Execute', verb: VERBS.updateAction, data } };
        const { sample, answer } = await post(
          'update',
          activity(user, { type: 'invoke', name: 'adaptiveCard/action', value }),
        );
        // The answer replaces the card: its button carries the new version.
        const fresh = findExecuteData(answer);
        if (fresh) Object.assign(card, { version: String(fresh.version), status });
        else sample.error ??= 'the update was not answered with a card';
        samples.push(sample);
      }
    }
  };
  const started = Date.now();
  await Promise.all(start.users.map((u, i) => simulate(u.user, u.cards, i)));
  clearInterval(forget);
  await connector.stop();
  const done: LoadMessage = {
    type: 'done',
    samples,
    elapsedSeconds: (Date.now() - started) / 1000,
  };
  process.send?.(done, () => process.exit(0));
}

process.on('message', (message: LoadMessage) => {
  if (message.type === 'start') {
    run(message).catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
  }
});
