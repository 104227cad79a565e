import { runDeadlineNudges } from '../../src/jobs/deadline-nudges';
import type { JobReport } from '../../src/jobs/job-context';
import { runWeeklyDigests } from '../../src/jobs/weekly-digests';
import type { ServiceDigest } from '../../src/domain/digest';
import {
  subscribeToPlanDigest,
  unsubscribeFromPlanDigest,
} from '../../src/services/digest-subscriptions';
import { NotFoundError } from '../../src/services/errors';
import { recordUpdate } from '../../src/services/record-update';
import {
  ADELE,
  ALEX,
  ISAIAH,
  jobFixture,
  MEGAN,
  PLAN,
  textOf,
  WEDNESDAY_NINE,
  type JobFixture,
} from './job-fixture';

const MONDAY_EIGHT = new Date('2026-11-30T08:00:00Z');

const digests = (f: JobFixture, at: Date, dryRun = false): Promise<JobReport> => {
  f.clock.now = at;
  return runWeeklyDigests(f.deps, { at, dryRun });
};

describe('weekly digests against Azurite', () => {
  let f: JobFixture;
  beforeEach(async () => {
    f = await jobFixture({ connected: [ALEX, MEGAN, ISAIAH, ADELE] });
    // Last Wednesday's prompts, which the digest chases.
    await runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false });
    f.connector.clear();
  });
  afterEach(() => f.stop());

  it('gives Isaiah the Governance digest: counts, what is overdue and who has not answered', async () => {
    const dry = await digests(f, MONDAY_EIGHT, true);
    const isaiah = dry.messages.find((m) => m.to === ISAIAH);
    expect(isaiah?.outcome).toBe('would-send');
    const view = isaiah?.digest as ServiceDigest;
    expect(view.title).toBe('Weekly digest: Governance');
    expect(view.counts).toEqual(expect.objectContaining({ complete: 2, 'not-started': 2 }));
    expect(view.overdue.map((o) => o.ref)).toEqual(['4', '2']);
    expect(view.notAnswered).toEqual([
      { name: 'Alex Wilber', email: ALEX, refs: ['2', '4'], waitingDays: expect.any(Number) },
      { name: 'Megan Bowen', email: MEGAN, refs: ['2', '4'], waitingDays: expect.any(Number) },
    ]);
    expect(view.notAnswered[0].waitingDays).toBeGreaterThan(0);
    expect(f.connector.activities).toEqual([]);

    const report = await digests(f, MONDAY_EIGHT);
    expect(report.runKey).toBe('2026-W49');
    const received = f.received(ISAIAH);
    expect(received).toHaveLength(1);
    const card = textOf(received[0].activity.attachments);
    expect(card).toContain('Weekly digest');
    expect(card).toContain('Governance');
    expect(card).toContain('Not answered: 2 people prompted and not replied');
    expect(card).toMatch(/actions 2 and 4 · waiting \d+ days/);
    expect(card).toContain('Megan Bowen');
    expect(received[0].activity.summary).toMatch(/^Weekly digest: Governance \(Week to/);
  });

  it('sends each digest once a week, however often the job runs', async () => {
    await digests(f, MONDAY_EIGHT);
    const again = await digests(f, new Date('2026-12-03T15:00:00Z'));
    expect(again.runKey).toBe('2026-W49');
    expect(again.messages.every((m) => m.outcome === 'already-sent')).toBe(true);
    expect(f.received(ISAIAH)).toHaveLength(1);
    const nextWeek = await digests(f, new Date('2026-12-07T08:00:00Z'));
    expect(nextWeek.runKey).toBe('2026-W50');
    expect(f.received(ISAIAH)).toHaveLength(2);
  });

  it('shows the week’s updates and stops chasing someone who answered', async () => {
    const alex = await f.repos.people.get(ALEX);
    await recordUpdate(f.repos, {
      planId: PLAN,
      ref: '4',
      author: alex!,
      request: { status: 'on-track', note: 'Framework drafted' },
      source: 'card',
      now: new Date('2026-11-27T11:00:00Z'),
      timezone: 'Europe/London',
    });
    const dry = await digests(f, MONDAY_EIGHT, true);
    const view = dry.messages.find((m) => m.to === ISAIAH)?.digest as ServiceDigest;
    expect(view.changed).toEqual([
      expect.objectContaining({
        ref: '4',
        byName: 'Alex Wilber',
        statusTo: 'on-track',
        note: 'Framework drafted',
      }),
    ]);
    expect(view.notAnswered.find((p) => p.email === ALEX)?.refs).toEqual(['2']);
  });

  it('sends a chair the digest of a plan they subscribed to, until they unsubscribe', async () => {
    await expect(subscribeToPlanDigest(f.repos, 'no-such-plan', ADELE)).rejects.toThrow(
      NotFoundError,
    );
    await expect(subscribeToPlanDigest(f.repos, PLAN, 'stranger@example.com')).rejects.toThrow(
      /not in the people directory/,
    );
    expect((await subscribeToPlanDigest(f.repos, PLAN, ' AdeleV@Example.com ')).changed).toBe(true);
    expect((await subscribeToPlanDigest(f.repos, PLAN, ADELE)).changed).toBe(false);
    await digests(f, MONDAY_EIGHT);
    const toAdele = f.received(ADELE);
    expect(toAdele).toHaveLength(1);
    // The plan's title is in block capitals; the digest says it in sentence case.
    const adeles = textOf(toAdele[0].activity.attachments);
    expect(adeles).toContain("Ad hoc scrutiny panel members' communications");
    expect(adeles).not.toContain("AD HOC SCRUTINY PANEL MEMBERS' COMMUNICATIONS");

    expect((await unsubscribeFromPlanDigest(f.repos, PLAN, ADELE)).changed).toBe(true);
    expect((await f.repos.plans.get(PLAN))?.chairDigestEmails).toEqual([]);
    await digests(f, new Date('2026-12-07T08:00:00Z'));
    expect(f.received(ADELE)).toHaveLength(1);
  });

  it('reports a subscriber who is not in the directory instead of failing', async () => {
    const plan = await f.repos.plans.get(PLAN);
    await f.repos.plans.save({ ...plan!, chairDigestEmails: ['gone@example.com'] });
    const report = await digests(f, MONDAY_EIGHT);
    expect(report.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          to: 'gone@example.com',
          outcome: 'no-contact',
          reason: 'Not in the directory',
        }),
        expect.objectContaining({ to: ISAIAH, outcome: 'sent' }),
      ]),
    );
  });
});
