import { VERBS } from '../../src/cards/verbs';
import { startHarness, USERS, type BotHarness, type PostResult } from '../support/bot-harness';

const PLAN = 'members-communications';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const CARD = 'application/vnd.microsoft.card.adaptive';

function cardText(card: unknown): string {
  if (typeof card === 'string') return card;
  if (Array.isArray(card)) return card.map(cardText).join(' ');
  if (card && typeof card === 'object') return Object.values(card).map(cardText).join(' ');
  return '';
}

/** The text of an invoke answered with a message (the card, and what was typed on it, stays). */
function messageOf(result: PostResult): string {
  expect(result.status).toBe(200);
  const body = result.body as { statusCode: number; type: string; value: unknown };
  expect(body.type).toBe(MESSAGE);
  expect(typeof body.value).toBe('string');
  return body.value as string;
}

/** Every Input.* element of a card, by id. */
function inputsOf(card: unknown): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.')) found.set(String(o.id), o);
      Object.values(o).forEach(visit);
    }
  };
  visit(card);
  return found;
}

/**
 * What a refusal says: a message (the card stays as it was), or the problems a refreshed card
 * shows beside its fields (each "⚠ …").
 */
function refusalOf(result: PostResult): string {
  expect(result.status).toBe(200);
  const body = result.body as { type: string; value: unknown };
  if (body.type === MESSAGE) return messageOf(result);
  expect(body.type).toBe(CARD);
  const text = cardText(body.value);
  expect(text).toMatch(/Not saved: please check the fields marked ⚠/);
  const problems: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string' && o.text.startsWith('⚠ ')) problems.push(o.text.slice(2));
      Object.values(o).forEach(visit);
    }
  };
  visit(body.value);
  return problems.join(' ');
}

describe('bad input never crashes the bot or changes anything', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({ env: { SCHEDULER: 'false' } });
    await h.install(USERS.alex);
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  async function everything() {
    return {
      actions: await h.app.repos.actions.listByPlan(PLAN),
      history: await Promise.all(
        ['1', '2', '3', '4'].map((ref) => h.app.repos.updates.listForAction(PLAN, ref)),
      ),
      people: await h.app.repos.people.list(),
    };
  }

  const validData = async (ref = '4') => {
    const action = await h.app.repos.actions.get(PLAN, ref);
    return {
      planId: PLAN,
      ref,
      version: action?.version,
      shownStatus: action?.status,
      slot: '',
    };
  };

  describe('HTTP bodies', () => {
    it.each([
      ['truncated JSON', '{"type":"message",'],
      ['plain text', 'hello bot'],
      ['JSON null', 'null'],
      ['a JSON string', '"message"'],
      ['a JSON number', '42'],
      ['a JSON array', '[{"type":"message"}]'],
      ['an empty object', '{}'],
      ['no type', JSON.stringify({ channelId: 'msteams', text: 'hi' })],
      ['an empty body', ''],
    ])('answers 400 to %s', async (_name, body) => {
      const before = await everything();
      const result = await h.postRaw(body);
      expect(result.status).toBe(400);
      expect(await everything()).toEqual(before);
    });

    it.each([
      ['a numeric type', { type: 5 }],
      ['an object type', { type: { message: true } }],
      ['an empty type', { type: '' }],
      ['a numeric text', { type: 'message', text: 12 }],
      ['a string conversation', { type: 'message', conversation: 'a:1' }],
      ['a non-http service URL', { type: 'message', serviceUrl: 'file:///etc/passwd' }],
      ['a 10 KB channel id', { type: 'message', channelId: 'x'.repeat(10_000) }],
    ])('answers 400 to an activity with %s', async (_name, fields) => {
      const result = await h.post({ ...h.activity(USERS.alex, {}), ...fields });
      expect(result.status).toBe(400);
      expect((result.body as { error: string }).error).toMatch(/Invalid activity/);
    });

    it('answers 413, not 500, to a 2 MB body, and keeps serving', async () => {
      const result = await h.post(
        h.activity(USERS.alex, { type: 'message', text: 'x'.repeat(2 * 1024 * 1024) }),
      );
      expect(result.status).toBe(413);
      const next = await h.message(USERS.alex, 'help');
      expect(next.status).toBe(200);
    });

    it.each([
      'messageReaction',
      'typing',
      'event',
      'endOfConversation',
      'deleteUserData',
      'x-made-up',
    ])('accepts an activity of type %s without replying or changing anything', async (type) => {
      const before = await everything();
      const result = await h.post(h.activity(USERS.alex, { type, text: 'summary' }));
      expect(result.status).toBe(200);
      expect(h.connector.activities).toHaveLength(0);
      expect(await everything()).toEqual(before);
    });
  });

  describe('messages', () => {
    it('refuses a message over 4,000 characters with a friendly reply', async () => {
      const result = await h.message(USERS.alex, `summary ${'a'.repeat(4_500)}`);
      expect(result.status).toBe(200);
      expect(h.connector.texts()).toEqual([
        expect.stringMatching(/too long for me \(4,508 characters; the limit is 4,000\)/),
      ]);
    });

    it('answers a 100,001-character text with 400 before it reaches the bot', async () => {
      const result = await h.message(USERS.alex, 'a'.repeat(100_001));
      expect(result.status).toBe(400);
      expect(h.connector.activities).toHaveLength(0);
    });

    it('treats an Action.Submit value with a non-string verb as plain text', async () => {
      const before = await everything();
      const result = await h.submit(USERS.alex, { verb: { $ne: 1 }, planId: PLAN, ref: '4' });
      expect(result.status).toBe(200);
      expect(await everything()).toEqual(before);
    });
  });

  describe('card invokes', () => {
    it('answers an unknown verb with a message', async () => {
      const text = messageOf(await h.invoke(USERS.alex, 'dropTables', { planId: PLAN }));
      expect(text).toMatch(/no longer supported/);
    });

    it.each([
      ['a numeric verb', { verb: 42 }],
      ['an object verb', { verb: { toString: 'updateAction' } }],
      ['no action at all', {}],
    ])('answers an invoke with %s without a server error', async (_name, action) => {
      const before = await everything();
      const result = await h.post(
        h.activity(USERS.alex, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', ...action } },
        }),
      );
      expect(result.status).toBeLessThan(500);
      expect(await everything()).toEqual(before);
    });

    it.each([
      ['a missing value', undefined],
      ['a string value', 'updateAction'],
      ['a value without action', { trigger: 'manual' }],
      ['an Action.Submit type', { action: { type: 'Action.Submit', verb: VERBS.updateAction } }],
      ['string data', { action: { type: 'Action.Execute', verb: VERBS.updateAction, data: 'x' } }],
      ['array data', { action: { type: 'Action.Execute', verb: VERBS.updateAction, data: [1] } }],
    ])(
      'answers an adaptiveCard/action invoke with %s with a 4xx or a message',
      async (_n, value) => {
        const before = await everything();
        const result = await h.post(
          h.activity(USERS.alex, { type: 'invoke', name: 'adaptiveCard/action', value }),
        );
        expect(result.status).toBeLessThan(500);
        if (result.status === 200) messageOf(result);
        expect(await everything()).toEqual(before);
      },
    );

    const tampered: [string, Record<string, unknown>][] = [
      ['a numeric plan id', { planId: 7 }],
      ['an object plan id', { planId: { $gt: '' } }],
      ['an array plan id', { planId: [PLAN] }],
      ['a null plan id', { planId: null }],
      ['a 10 KB plan id', { planId: 'p'.repeat(10_240) }],
      ['a plan id with key characters', { planId: "members/communications'#?" }],
      ['a plan id with control characters', { planId: 'members\u0000\u0007' }],
      ['a plan id of another plan', { planId: 'no-such-plan' }],
      ['a numeric ref', { ref: 4 }],
      ['an object ref', { ref: { ref: '4' } }],
      ['a 10 KB ref', { ref: '4'.repeat(10_240) }],
      ['a ref with an OData quote', { ref: "4' or RowKey ne '" }],
      ['a missing ref', { ref: undefined }],
      ['an unknown ref', { ref: '99' }],
      ['an object version', { version: { etag: '*' } }],
      ['a 10 KB version', { version: 'W/'.repeat(5_120) }],
      ['a numeric slot', { slot: 3 }],
      ['a prototype slot', { slot: '__proto__' }],
      ['a 10 KB slot', { slot: 's'.repeat(10_240) }],
      ['an object status', { status: { $set: 'complete' } }],
      ['an unknown status', { status: 'done-and-dusted' }],
      ['a 10 KB status', { status: 'c'.repeat(10_240) }],
    ];

    it.each(tampered)('answers %s with a clear message and changes nothing', async (_n, patch) => {
      const before = await everything();
      const text = refusalOf(
        await h.invoke(USERS.alex, VERBS.updateAction, {
          ...(await validData()),
          status: 'complete',
          ...patch,
        }),
      );
      expect(text).not.toMatch(/something went wrong/i);
      expect(text.length).toBeLessThan(300);
      expect(await everything()).toEqual(before);
    });

    it('treats a forged version like a stale card: the fresh card, nothing applied', async () => {
      const result = await h.invoke(USERS.alex, VERBS.updateAction, {
        ...(await validData()),
        version: 'W/"datetime\'2020-01-01T00%3A00%3A00Z\'"',
        status: 'complete',
      });
      expect((result.body as { type: string }).type).toBe(CARD);
      expect(cardText((result.body as { value: unknown }).value)).toMatch(/not applied/);
      expect((await h.app.repos.actions.get(PLAN, '4'))?.status).toBe('not-started');
      expect(await h.app.repos.updates.listForAction(PLAN, '4')).toEqual([]);
    });

    it.each(tampered)('answers "Open" with %s without a server error', async (_n, patch) => {
      const result = await h.invoke(USERS.alex, VERBS.showAction, {
        ...(await validData()),
        ...patch,
      });
      expect(result.status).toBe(200);
      const body = result.body as { type: string; value: unknown };
      if (body.type === MESSAGE) expect(String(body.value)).not.toMatch(/something went wrong/i);
    });

    it('refuses a 5,000-character note beside the field, keeping the text typed', async () => {
      const before = await everything();
      const result = await h.invoke(USERS.alex, VERBS.updateAction, {
        ...(await validData()),
        status: 'on-track',
        note: 'n'.repeat(5_000),
      });
      expect(refusalOf(result)).toContain(
        'Notes can be up to 4,000 characters; this one has 5,000. Please shorten it.',
      );
      const inputs = inputsOf((result.body as { value: unknown }).value);
      expect(inputs.get('note')?.value).toBe('n'.repeat(5_000));
      expect(inputs.get('status')?.value).toBe('on-track');
      expect(await everything()).toEqual(before);
    });

    it.each([
      ['far in the future', '9999-12-31', /within the next 20 years/],
      ['in the past', '2020-01-01', /today or later/],
      ['impossible', '2026-02-30', /is not a date/],
      ['in words', 'next Tuesday', /is not a date/],
      ['in UK order', '31/12/2026', /is not a date/],
      ['with a time', '2026-12-31T00:00:00Z', /is not a date/],
    ])('refuses a revised date %s beside the field', async (_n, revisedDue, message) => {
      const before = await everything();
      const text = refusalOf(
        await h.invoke(USERS.alex, VERBS.updateAction, {
          ...(await validData()),
          revisedDue,
          reason: 'Waiting for the LGA',
        }),
      );
      expect(text).toMatch(message);
      expect(await everything()).toEqual(before);
    });

    it('shows notes with markdown and template syntax literally, never expanded', async () => {
      const note =
        '${$root.secret} {{DATE(2026-01-01T00:00:00Z, SHORT)}} ${if(true, "a", "b")} **bold** [x](https://evil.example) <script>alert(1)</script>';
      const result = await h.invoke(USERS.alex, VERBS.updateAction, {
        ...(await validData('2')),
        status: 'on-track',
        note,
      });
      // Cards break "{{" with a zero-width space so the templating never reads it as a binding.
      const shown = (card: unknown) => cardText(card).replace(/\u200b/g, '');
      expect((result.body as { type: string }).type).toBe(CARD);
      expect(shown((result.body as { value: unknown }).value)).toContain(note);
      expect((await h.app.repos.updates.listForAction(PLAN, '2'))[0].note).toBe(note);
      h.connector.clear();
      await h.message(USERS.alex, `action ${PLAN} 2`);
      expect(shown(h.connector.cards())).toContain(note);
    });
  });
});
