import { VERBS } from '../../src/cards/verbs';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';

const SECRET = 'jobs-secret-for-tests-0123456789';
const PLAN = 'members-communications';
const CARD = 'application/vnd.microsoft.card.adaptive';

type Json = Record<string, unknown>;

/** Every Action.Execute in a card, depth first. */
function executes(card: unknown): Json[] {
  if (Array.isArray(card)) return card.flatMap(executes);
  if (!card || typeof card !== 'object') return [];
  const record = card as Json;
  const own = record.type === 'Action.Execute' ? [record] : [];
  return [...own, ...Object.values(record).flatMap(executes)];
}

/** Every string in a card: what a person would read (and more). */
const textOf = (value: unknown): string => JSON.stringify(value);

describe('a weekly digest turns the pages of each of its sections', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({ env: { JOBS_SECRET: SECRET, SCHEDULER: 'false' } });
    for (const user of [USERS.isaiah, USERS.megan]) await h.install(user);
    // 23 more overdue actions for the Governance service, so its Overdue section has pages.
    const [template] = await h.app.repos.actions.listByPlan(PLAN);
    await h.app.repos.actions.saveMany(
      Array.from({ length: 23 }, (_, i) => {
        const fields: Partial<typeof template> = { ...template };
        delete fields.version;
        return {
          ...(fields as Omit<typeof template, 'version'>),
          ref: String(100 + i),
          owners: ['Head of Democratic Services'],
          status: 'on-track' as const,
          due: '2020-01-31',
          revisedDue: null,
        };
      }),
    );
  });
  afterAll(async () => {
    await h.stop();
  });

  it('shows the next ten of a section in place, to the head it is for, and no one else', async () => {
    const response = await fetch(`${h.url}/api/jobs/digests`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    expect(response.status).toBe(200);
    const digest = h.connector.activities
      .filter((a) => (a.activity.recipient as Json | undefined)?.id === USERS.isaiah.id)
      .flatMap((a) => (a.activity.attachments as { contentType: string; content: Json }[]) ?? [])
      .find((x) => x.contentType === CARD && textOf(x.content).includes('Weekly digest'))?.content;
    expect(textOf(digest)).toContain('Weekly digest');
    const next = executes(digest)
      .map((e) => e.data as Json)
      .find((d) => d.list === 'digest' && d.section === 'overdue');
    expect(next).toEqual({
      verb: VERBS.showPage,
      list: 'digest',
      which: 'service',
      at: expect.any(String),
      section: 'overdue',
      page: '1',
    });
    expect(textOf(digest)).toContain('Show next 10 overdue');

    const page = await h.invoke(USERS.isaiah, VERBS.showPage, next!);
    const body = page.body as { type: string; value: Json };
    expect(body.type).toBe(CARD);
    const text = textOf(body.value);
    expect(text).toMatch(/Showing 11 to 20 of 2\d\./);
    const buttons = executes(body.value).map((e) => e.title);
    expect(buttons).toEqual(expect.arrayContaining(['Show previous 10 overdue']));
    expect(
      buttons.some((t) => String(t).startsWith('Show next') && String(t).endsWith('overdue')),
    ).toBe(true);

    // Megan is not a head of service: the same button shows her nothing of it.
    const refused = await h.invoke(USERS.megan, VERBS.showPage, next!);
    const refusal = refused.body as { type: string; value: unknown };
    expect(refusal.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(refusal.value)).toMatch(/heads of service/);

    // A card whose page data was tampered with is refused, not guessed at.
    const odd = await h.invoke(USERS.isaiah, VERBS.showPage, { ...next!, section: 'secrets' });
    expect(String((odd.body as { value: unknown }).value)).toMatch(/missing which page to show/);
  });
});
