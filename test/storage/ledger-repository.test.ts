import { randomBytes } from 'node:crypto';
import { promptKey } from '../../src/domain/nudge-policy';
import { ConflictError } from '../../src/storage/errors';
import {
  LEDGER_STALE_MS,
  LedgerRepository,
  ledgerStep,
  type LedgerEntry,
} from '../../src/storage/ledger-repository';
import { TableStore } from '../../src/storage/table-store';
import { testConnectionString } from '../support/store';

const T0 = new Date('2026-11-25T09:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);
const SAM = 'sam.okafor@council.example';
const KIM = 'kim.lee@council.example';
const items = [
  { planId: 'members-comms', ref: '4' },
  { planId: 'members-comms', ref: '2' },
];

/** Two stores over the same tables: what two instances of the bot see. */
async function twoInstances(): Promise<[LedgerRepository, LedgerRepository]> {
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const first = new TableStore(testConnectionString(), prefix);
  await first.ensureTables();
  const second = new TableStore(testConnectionString(), prefix);
  return [new LedgerRepository(first), new LedgerRepository(second)];
}

describe('LedgerRepository against Azurite', () => {
  let ledger: LedgerRepository;
  let other: LedgerRepository;

  beforeAll(async () => {
    [ledger, other] = await twoInstances();
  });

  it('claims a message once: a second claim sees the first one’s row', async () => {
    const first = await ledger.claim('nudges', '2026-11-25', SAM, { items, summary: '2' }, T0);
    expect(first.won).toBe(true);
    expect(first.entry).toEqual(
      expect.objectContaining({
        job: 'nudges',
        runKey: '2026-11-25',
        target: SAM,
        state: 'pending',
        items,
        summary: '2',
        claimedAt: T0.toISOString(),
        attempts: 0,
      }),
    );
    expect(first.entry).not.toHaveProperty('partitionKey');
    expect(first.entry.version).not.toBe('');
    const again = await other.claim('nudges', '2026-11-25', SAM, { items: [] }, later(1000));
    expect(again.won).toBe(false);
    expect(again.entry).toEqual(first.entry);
  });

  it('lets exactly one of two instances win a claim made at the same moment', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? ledger : other).claim('digests', '2026-W48', 'race@council.example', {}, T0),
      ),
    );
    expect(results.filter((r) => r.won)).toHaveLength(1);
    expect(await ledger.listRun('digests', '2026-W48')).toHaveLength(1);
  });

  it('lets exactly one instance start sending a row', async () => {
    const { entry } = await ledger.claim('nudges', '2026-11-25', 'one@council.example', {}, T0);
    const [a, b] = await Promise.all([ledger.beginSend(entry, T0), other.beginSend(entry, T0)]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    const sending = (a ?? b) as LedgerEntry;
    expect(sending).toEqual(
      expect.objectContaining({ state: 'sending', sendingAt: T0.toISOString(), attempts: 1 }),
    );
    // A sending row cannot be started again.
    expect(await ledger.beginSend(sending, T0)).toBeNull();
  });

  it('records a delivery with its time and activity id', async () => {
    const { entry } = await ledger.claim('nudges', '2026-11-25', KIM, { items }, T0);
    const sending = (await ledger.beginSend(entry, T0)) as LedgerEntry;
    const sent = await ledger.markSent(sending, 'activity-1', later(500));
    expect(sent).toEqual(
      expect.objectContaining({
        state: 'sent',
        sentAt: later(500).toISOString(),
        activityId: 'activity-1',
        error: null,
      }),
    );
    expect(await ledger.get('nudges', '2026-11-25', KIM)).toEqual(sent);
    expect(ledgerStep(sent, later(LEDGER_STALE_MS * 10))).toBe('done');
  });

  it('refuses a change made with a stale version', async () => {
    const { entry } = await ledger.claim('nudges', '2026-11-25', 'stale@council.example', {}, T0);
    const sending = (await ledger.beginSend(entry, T0)) as LedgerEntry;
    await ledger.markFailed(sending, 'HTTP 503');
    await expect(ledger.markSent(sending, 'a', T0)).rejects.toBeInstanceOf(ConflictError);
  });

  it('retries a failed send in a later run, up to the attempt limit', async () => {
    const { entry } = await ledger.claim('nudges', '2026-11-25', 'retry@council.example', {}, T0);
    let current = entry;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const sending = (await ledger.beginSend(current, T0)) as LedgerEntry;
      expect(sending.attempts).toBe(attempt);
      current = await ledger.markFailed(sending, `HTTP 429 (attempt ${attempt})`);
      expect(current.error).toBe(`HTTP 429 (attempt ${attempt})`);
    }
    expect(ledgerStep(current, T0)).toBe('done');
    expect(ledgerStep({ ...current, attempts: 2 }, T0)).toBe('send');
  });

  it('never retries someone Teams refused', async () => {
    const { entry } = await ledger.claim('nudges', '2026-11-25', 'gone@council.example', {}, T0);
    const sending = (await ledger.beginSend(entry, T0)) as LedgerEntry;
    const refused = await ledger.markUnreachable(sending, '403 BotDisabledByAdmin');
    expect(refused).toEqual(expect.objectContaining({ state: 'unreachable' }));
    expect(ledgerStep(refused, later(LEDGER_STALE_MS))).toBe('done');
    expect(await ledger.beginSend(refused, T0)).toBeNull();
  });

  describe('resuming after a crash', () => {
    it('takes over a pending row whose claimer went quiet, and sends it once', async () => {
      await ledger.claim('nudges', '2026-11-26', SAM, { items }, T0);
      // The first instance died before starting the send. Ten minutes on, a second run resumes.
      const resumed = await other.claim('nudges', '2026-11-26', SAM, { items }, later(1000));
      expect(ledgerStep(resumed.entry, later(60_000))).toBe('wait');
      const now = later(LEDGER_STALE_MS);
      expect(ledgerStep(resumed.entry, now)).toBe('send');
      const [a, b] = await Promise.all([
        ledger.beginSend(resumed.entry, now),
        other.beginSend(resumed.entry, now),
      ]);
      expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    });

    it('reports a row left sending as uncertain and never resends it', async () => {
      const { entry } = await ledger.claim('nudges', '2026-11-26', KIM, { items }, T0);
      await ledger.beginSend(entry, T0);
      // The process died during the HTTP call.
      const found = (await other.get('nudges', '2026-11-26', KIM)) as LedgerEntry;
      expect(ledgerStep(found, later(60_000))).toBe('wait');
      expect(ledgerStep(found, later(LEDGER_STALE_MS))).toBe('uncertain');
      const uncertain = (await other.markUncertain(found)) as LedgerEntry;
      expect(uncertain.state).toBe('uncertain');
      expect(ledgerStep(uncertain, later(LEDGER_STALE_MS * 100))).toBe('done');
      expect(await other.beginSend(uncertain, later(LEDGER_STALE_MS))).toBeNull();
    });

    it('keeps the true outcome of a send that outlived the timeout', async () => {
      const { entry } = await ledger.claim('nudges', '2026-11-26', 'slow@council.example', {}, T0);
      const sending = (await ledger.beginSend(entry, T0)) as LedgerEntry;
      const found = (await other.get(
        'nudges',
        '2026-11-26',
        'slow@council.example',
      )) as LedgerEntry;
      await other.markUncertain(found);
      const sent = await ledger.markSent(sending, 'activity-slow', later(LEDGER_STALE_MS + 1));
      expect(sent.state).toBe('sent');
      expect((await other.get('nudges', '2026-11-26', 'slow@council.example'))?.state).toBe('sent');
      // A row someone else marked uncertain cannot be marked uncertain twice.
      expect(await other.markUncertain(found)).toBeNull();
    });
  });

  describe('prompts already sent', () => {
    let prompts: LedgerRepository;

    beforeAll(async () => {
      [prompts] = await twoInstances();
      const send = async (runKey: string, target: string, refs: string[], job = 'nudges') => {
        const payload = { items: refs.map((ref) => ({ planId: 'plan', ref })) };
        const { entry } = await prompts.claim(job, runKey, target, payload, T0);
        const sending = (await prompts.beginSend(entry, T0)) as LedgerEntry;
        return prompts.markSent(sending, `a-${runKey}`, new Date(`${runKey}T09:00:00Z`));
      };
      await send('2026-09-01', SAM, ['1']); // before the range
      await send('2026-10-01', SAM, ['1', '2']);
      await send('2026-11-02', SAM, ['2']);
      await send('2026-11-24', KIM, ['4']);
      await send('2026-11-26', KIM, ['1']); // after the range
      // Another job's partitions sit elsewhere in the key order.
      await send('2026-11-02', SAM, ['9'], 'nudges-preview');
      // A claimed but unsent row, and a refused one, are not prompts.
      await prompts.claim('nudges', '2026-11-25', SAM, { items: [{ planId: 'plan', ref: '3' }] });
      const { entry } = await prompts.claim('nudges', '2026-11-25', KIM, {
        items: [{ planId: 'plan', ref: '5' }],
      });
      const refused = (await prompts.beginSend(entry, T0)) as LedgerEntry;
      await prompts.markUnreachable(refused, '403');
    });

    it('lists the prompts of the runs in a date range', async () => {
      const listed = await prompts.listPrompts('nudges', '2026-09-26', '2026-11-25');
      expect(listed.map((p) => `${p.runKey} ${p.email} ${p.ref}`)).toEqual([
        `2026-10-01 ${SAM} 1`,
        `2026-10-01 ${SAM} 2`,
        `2026-11-02 ${SAM} 2`,
        `2026-11-24 ${KIM} 4`,
      ]);
      expect(listed[3].sentAt).toBe('2026-11-24T09:00:00.000Z');
    });

    it('gives the last prompt date per person and action', async () => {
      const last = await prompts.lastPromptDates('nudges', '2026-09-26', '2026-11-25');
      expect(Object.fromEntries(last)).toEqual({
        [promptKey(SAM, 'plan', '1')]: '2026-10-01',
        [promptKey(SAM, 'plan', '2')]: '2026-11-02',
        [promptKey(KIM, 'plan', '4')]: '2026-11-24',
      });
    });
  });
});
