import { runDeadlineNudges } from '../../src/jobs/deadline-nudges';
import { dyingAfter, jobFixture, WEDNESDAY_NINE, type JobFixture } from '../jobs/job-fixture';

/** Who was prompted in the run, by the ledger's rows: every one should have their prompt remembered. */
async function prompted(f: JobFixture): Promise<string[]> {
  const rows = await f.repos.ledger.listRun('nudges', '2026-11-25');
  return rows.filter((r) => r.state === 'sent' || r.state === 'uncertain').map((r) => r.target);
}

async function remembered(f: JobFixture, emails: string[]): Promise<boolean[]> {
  return Promise.all(
    emails.map(async (e) => (await f.repos.replies.get(e, WEDNESDAY_NINE)) !== null),
  );
}

describe('a prompt delivered just before a crash is still remembered', () => {
  let f: JobFixture;
  afterEach(() => f.stop());

  it('remembers it when the run dies before marking the send', async () => {
    f = await jobFixture();
    await expect(
      runDeadlineNudges(dyingAfter(f.deps, 'markSent', 0), { at: WEDNESDAY_NINE, dryRun: false }),
    ).rejects.toThrow('the process died');
    expect(f.connector.activities.length).toBeGreaterThan(0);
    await runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false });
    const emails = await prompted(f);
    expect(emails.length).toBeGreaterThan(0);
    expect(await remembered(f, emails)).toEqual(emails.map(() => true));
  });

  it('remembers it on the next run when the run died while remembering', async () => {
    f = await jobFixture();
    await expect(
      runDeadlineNudges(dyingAfter(f.deps, 'set', 0, 'replies'), {
        at: WEDNESDAY_NINE,
        dryRun: false,
      }),
    ).rejects.toThrow('the process died');
    const rerun = await runDeadlineNudges(f.deps, { at: WEDNESDAY_NINE, dryRun: false });
    expect(rerun.totals.uncertain).toBeGreaterThan(0);
    const emails = await prompted(f);
    expect(await remembered(f, emails)).toEqual(emails.map(() => true));
  });
});
