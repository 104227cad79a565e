import { startHarness, USERS, type BotHarness } from '../support/bot-harness';

describe('text messages are plain text, so typed or imported text is never markdown', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({ env: { SCHEDULER: 'false' } });
    await h.install(USERS.alex);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('marks every text reply plain, whatever the person typed', async () => {
    h.connector.clear();
    const link = '[Click here](http://evil.example/?leak=1) **urgent**';
    await h.message(USERS.alex, `${link} ${'a'.repeat(4_500)}`);
    await h.message(USERS.alex, `thanks ${link}`);
    await h.message(USERS.alex, `update 99 ${link}`);
    const texts = h.connector.activities
      .map((c) => c.activity)
      .filter((a) => a.type === 'message' && typeof a.text === 'string' && a.text !== '');
    expect(texts.length).toBeGreaterThan(0);
    for (const activity of texts) expect(activity.textFormat).toBe('plain');
  });
});
