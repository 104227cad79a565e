import { randomBytes } from 'node:crypto';
import type { JobDeps } from '../../src/jobs/job-context';
import { runDeadlineNudges } from '../../src/jobs/deadline-nudges';
import { LEASE_TTL_MS } from '../../src/jobs/with-lease';
import {
  ALEX,
  conversationOf,
  dyingAfter,
  jobFixture,
  MEGAN,
  WEDNESDAY_NINE,
  type JobFixture,
} from './job-fixture';

const OFFICERS = Array.from({ length: 30 }, (_, i) => `officer${i}@example.com`);

/** Thirty more holders of Alex's post, each with a conversation: 32 nudges in all. */
async function crowd(f: JobFixture): Promise<string[]> {
  await f.repos.people.importEntries(
    OFFICERS.map((email, i) => ({
      email,
      name: `Officer ${i}`,
      posts: ['Head of Democratic Services'],
      service: 'Governance',
      roles: ['officer' as const],
    })),
  );
  for (const email of OFFICERS) await f.connect(email);
  return [ALEX, MEGAN, ...OFFICERS];
}

/** How many messages each person received. */
const deliveries = (f: JobFixture, emails: string[]): number[] =>
  emails.map(
    (e) => f.connector.activities.filter((a) => a.conversationId === conversationOf(e)).length,
  );

describe('every message exactly once', () => {
  let f: JobFixture;
  afterEach(() => f.stop());

  it('sends nothing more when the job runs twice', async () => {
    f = await jobFixture();
    await runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false });
    const again = await runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false });
    expect(again.totals.sent).toBe(0);
    expect(deliveries(f, [ALEX, MEGAN])).toEqual([1, 1]);
  });

  it('sends each message once when two instances run the job at the same moment', async () => {
    f = await jobFixture();
    const people = await crowd(f);
    const other = f.instance('instance-b');
    const [a, b] = await Promise.all([
      runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false }),
      runDeadlineNudges(other, { at: WEDNESDAY_NINE, dryRun: false }),
    ]);
    expect(a.totals.sent + b.totals.sent).toBe(people.length);
    expect(deliveries(f, people).every((n) => n === 1)).toBe(true);
  });

  it('sends each message once when two runs get past the lease (the ledger decides)', async () => {
    f = await jobFixture();
    const people = await crowd(f);
    const other = f.instance('instance-b');
    // Each run under a lease of its own job name: nothing but the ledger stands between them.
    const unleased = (deps: JobDeps, name: string): JobDeps => ({
      ...deps,
      repos: {
        ...deps.repos,
        leases: new Proxy(deps.repos.leases, {
          get: (target, prop, receiver) => {
            const value = Reflect.get(target, prop, receiver) as unknown;
            if (typeof value !== 'function') return value;
            return (job: string, ...rest: unknown[]) =>
              (value as (...a: unknown[]) => unknown).call(target, `${job}-${name}`, ...rest);
          },
        }),
      },
    });
    const reports = await Promise.all([
      runDeadlineNudges(unleased(f.deps, 'a'), { at: WEDNESDAY_NINE, dryRun: false }),
      runDeadlineNudges(unleased(other, 'b'), { at: WEDNESDAY_NINE, dryRun: false }),
    ]);
    expect(reports.every((r) => r.ran)).toBe(true);
    expect(deliveries(f, people).every((n) => n === 1)).toBe(true);
    expect(reports[0].totals.sent + reports[1].totals.sent).toBe(people.length);
  });

  it('carries on after a run that died before sending, without sending anything twice', async () => {
    f = await jobFixture();
    const people = await crowd(f);
    await expect(
      runDeadlineNudges(dyingAfter(f.deps, 'beginSend', 10), { at: WEDNESDAY_NINE, dryRun: false }),
    ).rejects.toThrow('the process died');
    const before = deliveries(f, people).reduce((a, b) => a + b, 0);
    expect(before).toBe(10);
    const pending = (await f.repos.ledger.listRun('nudges', '2026-11-25')).filter(
      (r) => r.state === 'pending',
    );
    expect(pending.length).toBeGreaterThan(0);

    const rerun = await runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false });
    expect(rerun.totals.sent).toBe(people.length - 10);
    expect(deliveries(f, people).every((n) => n === 1)).toBe(true);
  });

  it('never resends a message that may have gone when a run died mid-send', async () => {
    f = await jobFixture();
    const people = await crowd(f);
    await expect(
      runDeadlineNudges(dyingAfter(f.deps, 'markSent', 10), { at: WEDNESDAY_NINE, dryRun: false }),
    ).rejects.toThrow('the process died');
    const rerun = await runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false });
    // The messages whose sends were not recorded are reported, not resent.
    expect(rerun.totals.uncertain).toBeGreaterThan(0);
    expect(rerun.messages.filter((m) => m.outcome === 'uncertain').every((m) => m.reason)).toBe(
      true,
    );
    expect(deliveries(f, people).every((n) => n === 1)).toBe(true);
    const states = (await f.repos.ledger.listRun('nudges', '2026-11-25')).map((r) => r.state);
    expect(states.filter((s) => s === 'sent').length + rerun.totals.uncertain).toBe(people.length);
  });

  it('waits for the lease of a run that died holding it, then finishes its work', async () => {
    f = await jobFixture();
    const died = new Date(WEDNESDAY_NINE.getTime() - 60_000);
    expect(
      await f.repos.leases.acquire(
        'nudges',
        `dead-host/${randomBytes(3).toString('hex')}`,
        LEASE_TTL_MS,
        died,
      ),
    ).toBe(true);
    const blocked = await runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false });
    expect(blocked.ran).toBe(false);
    expect(blocked.note).toMatch(/dead-host/);
    expect(f.connector.activities).toEqual([]);

    f.clock.now = new Date(died.getTime() + LEASE_TTL_MS + 1000);
    const later = await runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false });
    expect(later.totals.sent).toBe(2);
    expect(deliveries(f, [ALEX, MEGAN])).toEqual([1, 1]);
  });
});
