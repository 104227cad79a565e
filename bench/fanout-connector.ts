// The Bot Connector stand-in of bench:fanout, run as a child process so that enforcing the limits
// does not share an event loop (or two CPU cores' worth of contention) with the sender it times.
// Started by bench/fanout.ts, which talks to it over IPC.
import { scaleLimits, TEAMS_LIMITS } from '../src/notify/send-limiter';
import { TestConnector } from '../test/support/connector';
import { seededRandom, TeamsEnforcer, type EnforcerStats } from '../test/support/teams-enforcer';

/** What the child tells the parent. */
export type ConnectorMessage =
  | { type: 'ready'; url: string }
  | {
      type: 'stats';
      /** Messages received per conversation. */
      delivered: Record<string, number>;
      stats: EnforcerStats;
      /** Connections dropped before their request was read. */
      dropped: number;
      /** Messages accepted in each second from the first one. */
      perSecond: number[];
    };

async function main(): Promise<void> {
  const enforcer = new TeamsEnforcer({
    limits: scaleLimits(TEAMS_LIMITS, Number(process.env.FANOUT_SCALE ?? '1')),
    faultRate: Number(process.env.FANOUT_FAULT_RATE ?? '0.05'),
    seed: 2026,
  });
  const dropRate = Number(process.env.FANOUT_DROP_RATE ?? '0');
  const dice = seededRandom(7);
  const connector = new TestConnector({ fault: enforcer.fault, drop: () => dice() < dropRate });
  const url = await connector.start();
  const delivered: Record<string, number> = {};
  const perSecond: number[] = [];
  let first: number | null = null;
  // Tally and drop what was captured, so 10,000 cards do not pile up in memory (and in GC pauses).
  const tally = (): void => {
    for (const a of connector.activities) {
      delivered[a.conversationId] = (delivered[a.conversationId] ?? 0) + 1;
      first ??= a.at;
      const second = Math.floor((a.at - first) / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
    }
    connector.clear();
  };
  const timer = setInterval(tally, 250);
  const send = (message: ConnectorMessage): void => {
    process.send?.(message);
  };
  process.on('message', (request: { type: string }) => {
    if (request.type === 'stats') {
      tally();
      send({
        type: 'stats',
        delivered,
        stats: enforcer.stats,
        dropped: connector.dropped,
        perSecond: Array.from(perSecond, (n) => n ?? 0),
      });
    } else if (request.type === 'stop') {
      clearInterval(timer);
      void connector.stop().then(() => process.exit(0));
    }
  });
  send({ type: 'ready', url });
}

void main();
