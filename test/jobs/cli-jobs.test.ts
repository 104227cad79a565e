import { runCli } from '../../src/cli/run-cli';
import type { JobReport } from '../../src/jobs/job-context';
import { testConnectionString } from '../support/store';
import { ADELE, ALEX, ISAIAH, jobFixture, MEGAN, PLAN, type JobFixture } from './job-fixture';

describe('the jobs in the CLI', () => {
  let f: JobFixture;
  beforeAll(async () => {
    f = await jobFixture();
  });
  afterAll(() => f.stop());
  beforeEach(() => f.connector.clear());

  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, {
      env: {
        LOG_LEVEL: 'silent',
        SCHEDULER: 'false',
        TABLES_CONNECTION_STRING: testConnectionString(),
        TABLE_PREFIX: f.prefix,
      },
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      now: () => new Date('2026-11-25T14:30:00Z'),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('lists the nudges a run would send, as JSON or text, sending nothing', async () => {
    const json = await cli('nudges', '--dry-run', '--at', '2026-11-25T09:00:00Z', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as JobReport;
    expect(report).toEqual(
      expect.objectContaining({ job: 'nudges', runKey: '2026-11-25', dryRun: true }),
    );
    expect(report.messages.map((m) => [m.to, m.outcome])).toEqual([
      [ALEX, 'would-send'],
      [MEGAN, 'would-send'],
    ]);
    const text = await cli('nudges', '--dry-run');
    expect(text.out).toContain(
      'Nudges for 2026-11-25 as of 2026-11-25T14:30:00.000Z (dry run: nothing sent)',
    );
    expect(text.out).toContain('Would send: 2');
    expect(text.out).toContain(`Alex Wilber <${ALEX}>: ${PLAN} 4 (overdue), ${PLAN} 2 (overdue)`);
    expect(f.connector.activities).toEqual([]);
  });

  it('really sends without --dry-run, through its own adapter, once', async () => {
    const first = await cli('nudges');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Sent: 2');
    expect(f.received(ALEX)).toHaveLength(1);
    expect(f.received(MEGAN)).toHaveLength(1);
    const second = await cli('nudges', '--json');
    expect((JSON.parse(second.out) as JobReport).totals.sent).toBe(0);
    expect(f.connector.activities).toHaveLength(2);
  });

  it('shows the digests a run would send', async () => {
    const { code, out } = await cli(
      'digests',
      '--dry-run',
      '--json',
      '--at',
      '2026-11-30T08:00:00Z',
    );
    expect(code).toBe(0);
    const report = JSON.parse(out) as JobReport;
    expect(report.runKey).toBe('2026-W49');
    expect(report.messages.find((m) => m.to === ISAIAH)).toEqual(
      expect.objectContaining({ outcome: 'would-send', title: 'Weekly digest: Governance' }),
    );
  });

  it("subscribes and unsubscribes a chair to a plan's digest", async () => {
    const on = await cli('digests', 'subscribe', PLAN, ADELE);
    expect(on).toEqual(expect.objectContaining({ code: 0 }));
    expect(on.out).toContain(`${ADELE} will get the weekly digest of`);
    expect((await f.repos.plans.get(PLAN))?.chairDigestEmails).toEqual([ADELE]);
    expect((await cli('digests', 'subscribe', PLAN, ADELE)).out).toContain('already gets');
    const off = await cli('digests', 'unsubscribe', PLAN, ADELE);
    expect(off.out).toContain('will no longer get');
    expect((await f.repos.plans.get(PLAN))?.chairDigestEmails).toEqual([]);
  });

  it('explains bad input', async () => {
    const noPlan = await cli('digests', 'subscribe', 'no-such-plan', ADELE);
    expect(noPlan.code).toBe(1);
    expect(noPlan.err).toContain('There is no plan "no-such-plan".');
    const badEmail = await cli('digests', 'subscribe', PLAN, 'not-an-email');
    expect(badEmail.err).toContain('is not an email address');
    const badAt = await cli('nudges', '--dry-run', '--at', 'next tuesday');
    expect(badAt.code).toBe(2);
    expect(badAt.err).toContain('--at must be an ISO date-time');
  });
});
