import fc from 'fast-check';
import { VERBS } from '../../src/cards/verbs';
import { STATUSES } from '../../src/domain/status';
import { startHarness, TENANT, USERS, type BotHarness } from '../support/bot-harness';
import { captureLogs, type LogCapture } from '../support/log-capture';

const PLAN = 'members-communications';
const RUNS = 300;

/** Strings people and tampered clients send: commands, markup, template syntax and noise. */
const text = fc.oneof(
  fc.constantFrom(
    'help',
    'summary',
    `summary ${PLAN}`,
    'my actions',
    'my actions all',
    'overdue',
    `action ${PLAN} 4`,
    'assign Head of Democratic Services to meganb@example.com',
    'Done, all sorted',
    '${$root} {{DATE(2026-01-01T00:00:00Z)}}',
    '<at>Action Plan Bot</at> summary',
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ minLength: 3_990, maxLength: 4_100 }),
);

/** Anything a client could put where the bot expects an id, a status or a date. */
const field = fc.oneof(
  fc.constantFrom(PLAN, '4', '2', '99', '', 'complete', 'at-risk', '2027-01-31', '9999-12-31'),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 10_000, maxLength: 10_240 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const cardData = fc.record(
  {
    verb: fc.oneof(fc.constantFrom(...Object.values(VERBS)), field),
    planId: field,
    ref: field,
    version: field,
    shownStatus: fc.oneof(fc.constantFrom(...STATUSES), field),
    slot: fc.oneof(fc.constantFrom('', '1', '2'), field),
    status: fc.oneof(fc.constantFrom(...STATUSES), field),
    note: fc.oneof(text, field),
    revisedDue: field,
    reason: field,
    weeks: fc.oneof(fc.constantFrom(1, 2), field),
  },
  { requiredKeys: [] },
);

const INVOKE_NAMES = [
  'adaptiveCard/action',
  'task/fetch',
  'composeExtension/query',
  'signin/verifyState',
];

const activityArb = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(
        'message',
        'message',
        'invoke',
        'invoke',
        'conversationUpdate',
        'installationUpdate',
        'messageReaction',
        'event',
      ),
      fc.string({ minLength: 1, maxLength: 20 }),
    ),
    user: fc.constantFrom(...Object.values(USERS)),
    text: fc.option(text, { nil: undefined }),
    name: fc.oneof(fc.constantFrom(...INVOKE_NAMES), fc.string({ maxLength: 20 })),
    value: fc.oneof(
      fc.record({
        action: fc.record(
          {
            type: fc.oneof(fc.constant('Action.Execute'), fc.string({ maxLength: 15 })),
            verb: fc.oneof(fc.constantFrom(...Object.values(VERBS)), field),
            data: fc.oneof(cardData, field),
          },
          { requiredKeys: ['type'] },
        ),
        trigger: fc.constant('manual'),
      }),
      cardData,
      fc.jsonValue({ maxDepth: 3 }),
      fc.constant(undefined),
    ),
    conversationType: fc.constantFrom('personal', 'channel', 'groupChat', undefined),
    tenant: fc.oneof({ weight: 5, arbitrary: fc.constant(TENANT) }, fc.string({ maxLength: 40 })),
    action: fc.constantFrom('add', 'remove', undefined),
    entities: fc.option(
      fc.array(
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc.record({
              type: fc.constant('mention'),
              text: fc.oneof(fc.constant('<at>Action Plan Bot</at>'), fc.string({ maxLength: 30 })),
              mentioned: fc.record({
                id: fc.constantFrom('28:action-plan-bot', 'user-id-1'),
                name: fc.string({ maxLength: 10 }),
              }),
            }),
          },
          { weight: 3, arbitrary: fc.constant({ type: 'clientInfo', locale: 'en-GB' }) },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
        ),
        { maxLength: 3 },
      ),
      { nil: undefined, freq: 2 },
    ),
    membersAdded: fc.option(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.array(
            fc.record(
              {
                id: fc.constantFrom('user-id-0', 'user-id-5', '28:action-plan-bot', 'x'),
                aadObjectId: fc.string({ maxLength: 40 }),
              },
              { requiredKeys: ['id'] },
            ),
            { maxLength: 3 },
          ),
        },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      ),
      { nil: undefined, freq: 2 },
    ),
    // Now and then a field of the wrong shape, which must be refused with a 400.
    extra: fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      {
        weight: 1,
        arbitrary: fc.dictionary(
          fc.constantFrom(
            'replyToId',
            'locale',
            'timestamp',
            'attachments',
            'channelData',
            'recipient',
            'localTimestamp',
          ),
          fc.jsonValue({ maxDepth: 2 }),
          { maxKeys: 2 },
        ),
      },
    ),
  },
  { requiredKeys: ['type', 'user', 'name', 'value', 'conversationType', 'tenant', 'extra'] },
);

describe('generated activities through HTTP', () => {
  let h: BotHarness;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = captureLogs();
    h = await startHarness({ logger: logs.logger, env: { SCHEDULER: 'false' } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it(`answers ${RUNS} of them with no 5xx and no failed turn`, async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    await fc
      .assert(
        fc.asyncProperty(activityArb, async (a) => {
          const base = h.activity(a.user, {}, { conversationType: a.conversationType });
          const activity: Record<string, unknown> = {
            ...base,
            ...a.extra,
            type: a.type,
            channelData: { tenant: { id: a.tenant } },
            ...(a.text !== undefined ? { text: a.text } : {}),
            ...(a.type === 'invoke' ? { name: a.name } : {}),
            ...(a.value !== undefined ? { value: a.value } : {}),
            ...(a.action !== undefined ? { action: a.action } : {}),
            ...(a.entities !== undefined ? { entities: a.entities } : {}),
            ...(a.membersAdded !== undefined ? { membersAdded: a.membersAdded } : {}),
          };
          const before = logs.lines().length;
          const result = await h.post(activity);
          statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
          // The Bot Framework's answer to an invoke a bot does not implement is 501: the only 5xx
          // allowed, and never for the card buttons this bot does implement.
          const unimplemented =
            result.status === 501 && a.type === 'invoke' && a.name !== 'adaptiveCard/action';
          const failedTurn = logs
            .lines()
            .slice(before)
            .find((line) => line.msg === 'turn failed' || line.msg === 'activity failed');
          if ((result.status >= 500 && !unimplemented) || failedTurn) {
            failures.push(
              `${result.status} ${JSON.stringify(failedTurn?.err ?? result.body).slice(0, 300)} for ${JSON.stringify(activity).slice(0, 600)}`,
            );
            return false;
          }
          return true;
        }),
        { numRuns: RUNS, seed: 20261125, endOnFailure: true },
      )
      .catch((error: unknown) => {
        throw new Error(`${failures.join('\n')}\n${(error as Error).message.slice(0, 2000)}`);
      });
    // Most cases must get past validation to the bot, or the run proves little.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS * 0.6);
    expect([...statuses.keys()].every((status) => status < 500 || status === 501)).toBe(true);
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
