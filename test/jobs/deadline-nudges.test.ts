import { runDeadlineNudges } from '../../src/jobs/deadline-nudges';
import type { JobReport } from '../../src/jobs/job-context';
import {
  ALEX,
  jobFixture,
  MEGAN,
  PATTI,
  PLAN,
  textOf,
  WEDNESDAY_NINE,
  type JobFixture,
} from './job-fixture';

const run = (f: JobFixture, at: Date, dryRun = false): Promise<JobReport> => {
  f.clock.now = at;
  return runDeadlineNudges(f.deps, { at, dryRun });
};

const itemsTo = (report: JobReport, email: string) =>
  report.messages.find((m) => m.to === email)?.items?.map((i) => `${i.ref}:${i.reason}`);

describe('deadline nudges against Azurite', () => {
  let f: JobFixture;
  afterEach(() => f.stop());

  it('prompts both holders of action 4 once each, with every action of theirs in one message', async () => {
    f = await jobFixture();
    const dry = await run(f, WEDNESDAY_NINE, true);
    expect(dry.messages.map((m) => [m.to, m.outcome])).toEqual([
      [ALEX, 'would-send'],
      [MEGAN, 'would-send'],
    ]);
    expect(f.connector.activities).toEqual([]);
    expect(await f.repos.ledger.listRun('nudges', '2026-11-25')).toEqual([]);

    const report = await run(f, WEDNESDAY_NINE);
    expect(report).toEqual(
      expect.objectContaining({ job: 'nudges', runKey: '2026-11-25', ran: true }),
    );
    for (const email of [ALEX, MEGAN]) {
      expect(itemsTo(report, email)).toEqual(['4:overdue', '2:overdue']);
      const received = f.received(email);
      expect(received).toHaveLength(1);
      // Teams shows the summary in the notification and chat list; the card speaks it too.
      expect(received[0].activity.summary).toBe('2 actions need an update: 2 overdue');
      const attachments = received[0].activity.attachments as { content: { speak?: string } }[];
      expect(attachments[0].content.speak).toBe('2 actions need an update: 2 overdue');
      const card = textOf(received[0].activity.attachments);
      expect(card).toContain('Action 4');
      expect(card).toContain('Action 2');
      expect(card).not.toContain('Action 3');
      const awaiting = await f.repos.replies.get(email, WEDNESDAY_NINE);
      expect(awaiting?.items).toEqual([
        { planId: PLAN, ref: '4' },
        { planId: PLAN, ref: '2' },
      ]);
    }
    const rows = await f.repos.ledger.listRun('nudges', '2026-11-25');
    expect(rows.map((r) => [r.target, r.state, r.items.map((i) => i.ref)])).toEqual([
      [ALEX, 'sent', ['4', '2']],
      [MEGAN, 'sent', ['4', '2']],
    ]);
    // Nobody could not be reached, so the admins hear nothing.
    expect(report.adminReport).toEqual([]);
    expect(f.received(PATTI)).toEqual([]);
  });

  it('sends a prompt Teams refuses as too large again with fewer actions, rather than failing it', async () => {
    f = await jobFixture();
    // Teams taking only small messages: the two-action prompt is refused, a one-action one goes.
    f.connector.maxMessageBytes = 6000;
    const report = await run(f, WEDNESDAY_NINE);
    for (const email of [ALEX, MEGAN]) {
      expect(report.messages.find((m) => m.to === email)?.outcome).toBe('sent');
      const received = f.received(email);
      expect(received).toHaveLength(1);
      const card = textOf(received[0].activity.attachments);
      expect(card).toContain('Action 4');
      expect(card).toContain('…and 1 more: type **my actions** to see them all.');
      // Still the whole story for the notification and for a reply in words.
      expect(received[0].activity.summary).toBe('2 actions need an update: 2 overdue');
      expect((await f.repos.replies.get(email, WEDNESDAY_NINE))?.items).toHaveLength(2);
    }
    // Only sizes that change the card are tried: the two-action card at each length of text it
    // comes in (four at most), then one action.
    expect(f.connector.refusedTooLarge.length).toBeLessThanOrEqual(2 * 4);
    const rows = await f.repos.ledger.listRun('nudges', '2026-11-25');
    expect(rows.map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('prompts on the right days: due soon once, due today, overdue weekly, never when snoozed', async () => {
    f = await jobFixture();
    const action2 = await f.repos.actions.get(PLAN, '2');
    await f.repos.actions.update({
      ...action2!,
      revisedDue: '2026-12-07',
      revisedReason: 'Agreed',
    });

    const first = await run(f, WEDNESDAY_NINE);
    expect(itemsTo(first, ALEX)).toEqual(['4:overdue', '2:due-soon']);

    // The next day: action 4 was chased yesterday and action 2's window was already used.
    const nextDay = await run(f, new Date('2026-11-26T09:00:00Z'));
    expect(nextDay.messages).toEqual([]);

    // A week on, Megan snoozes action 4; Alex is chased about it again.
    const megan = await f.repos.people.get(MEGAN);
    await f.repos.people.saveSnoozes({
      ...megan!,
      snoozes: { [`${PLAN}/4`]: '2026-12-10T00:00:00Z' },
    });
    const weekLater = await run(f, new Date('2026-12-02T09:00:00Z'));
    expect(itemsTo(weekLater, ALEX)).toEqual(['4:overdue']);
    expect(itemsTo(weekLater, MEGAN)).toBeUndefined();

    // On its revised date action 2 is due today (Monday 7 December).
    const dueDay = await run(f, new Date('2026-12-07T09:00:00Z'));
    expect(itemsTo(dueDay, ALEX)).toEqual(['2:due-today']);
    expect(itemsTo(dueDay, MEGAN)).toEqual(['2:due-today']);

    // Once complete, an action is never prompted again.
    for (const ref of ['2', '4']) {
      const action = await f.repos.actions.get(PLAN, ref);
      await f.repos.actions.update({ ...action!, status: 'complete' });
    }
    expect((await run(f, new Date('2026-12-16T09:00:00Z'))).messages).toEqual([]);
  });

  it('reports someone it has no way to reach to the admins instead of sending', async () => {
    f = await jobFixture({ connected: [ALEX, PATTI] });
    const report = await run(f, WEDNESDAY_NINE);
    expect(report.messages.map((m) => [m.to, m.outcome, m.reason])).toEqual([
      [ALEX, 'sent', undefined],
      [MEGAN, 'no-contact', 'Has not used the bot in Teams yet'],
    ]);
    expect(report.adminReport).toEqual([
      expect.objectContaining({ to: PATTI, target: `admin-report|${PATTI}`, outcome: 'sent' }),
    ]);
    const toPatti = f.received(PATTI);
    expect(toPatti).toHaveLength(1);
    expect(textOf(toPatti[0].activity.attachments)).toContain(
      `Megan Bowen (${MEGAN}): Has not used the bot in Teams yet`,
    );
    // The report goes once per run, however often the job runs that day.
    await run(f, new Date('2026-11-25T14:00:00Z'));
    expect(f.received(PATTI)).toHaveLength(1);
  });

  it('keeps to the per-run maximum and leaves the rest for the next run', async () => {
    f = await jobFixture({ maxPerRun: 1 });
    const first = await run(f, WEDNESDAY_NINE);
    expect(first.messages.map((m) => [m.to, m.outcome])).toEqual([
      [ALEX, 'sent'],
      [MEGAN, 'deferred'],
    ]);
    const second = await run(f, new Date('2026-11-25T09:05:00Z'));
    expect(second.messages.map((m) => [m.to, m.outcome])).toEqual([[MEGAN, 'sent']]);
    expect(f.received(ALEX)).toHaveLength(1);
    expect(f.received(MEGAN)).toHaveLength(1);
  });
});
