import { startHarness, USERS, type BotHarness } from '../support/bot-harness';

const SECRET = 'jobs-secret-for-tests-0123456789';
const CARD = 'application/vnd.microsoft.card.adaptive';

type Json = Record<string, unknown>;

/** The summary of each proactive message with a card, and what its card speaks. */
function notifications(h: BotHarness): { summary: unknown; speak: unknown; to: string }[] {
  return h.connector.activities
    .filter((a) => a.method !== 'update')
    .flatMap((a) =>
      ((a.activity.attachments as { contentType: string; content: Json }[] | undefined) ?? [])
        .filter((x) => x.contentType === CARD)
        .map((x) => ({
          summary: a.activity.summary,
          speak: x.content.speak,
          to: a.conversationId,
        })),
    );
}

describe('proactive messages read sensibly in Teams’ notifications and chat list', () => {
  let h: BotHarness;

  const run = async (job: string): Promise<void> => {
    const response = await fetch(`${h.url}/api/jobs/${job}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    h = await startHarness({ env: { JOBS_SECRET: SECRET, SCHEDULER: 'false' } });
    for (const user of [USERS.alex, USERS.megan, USERS.isaiah]) await h.install(user);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('gives a prompt a summary saying how many actions and why, which its card speaks', async () => {
    h.connector.clear();
    await run('nudges');
    const sent = notifications(h);
    expect(sent.length).toBeGreaterThan(0);
    for (const { summary, speak } of sent) {
      expect(summary).toMatch(/^(\d+ actions need an update: .+|Action \S+ (is|has) .+)$/);
      expect(summary).not.toMatch(/Sent a card/);
      expect(speak).toBe(summary);
    }
  });

  it('gives a digest a summary of what it holds', async () => {
    h.connector.clear();
    await run('digests');
    const sent = notifications(h);
    expect(sent.length).toBeGreaterThan(0);
    for (const { summary, speak } of sent) {
      expect(summary).toMatch(/^Weekly digest: .+ \(Week to .+\) – .+$/);
      expect(speak).toBe(summary);
    }
  });
});
