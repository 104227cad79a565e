import { VERBS } from '../../src/cards/verbs';
import { startHarness, TENANT, USERS, type BotHarness } from '../support/bot-harness';
import {
  localCredentials,
  newSigningKey,
  OpenIdStandIn,
  signToken,
  BOT_FRAMEWORK_ISSUER,
} from '../support/openid-stand-in';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const PASSWORD = 'app-password-for-tests';
const PLAN = 'members-communications';

describe('Bot Framework authentication on /api/messages', () => {
  let h: BotHarness;
  let openId: OpenIdStandIn;
  let errors: jest.SpyInstance;

  beforeAll(async () => {
    // botbuilder prints every rejected token with console.error; the tests check the answers.
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    openId = new OpenIdStandIn();
    await openId.start();
    h = await startHarness({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: PASSWORD,
        MicrosoftAppTenantId: TENANT,
        JOBS_SECRET: 'a-long-random-jobs-secret',
        SCHEDULER: 'false',
      },
      authOverrides: {
        openIdMetadataUrl: openId.metadataUrl,
        credentialsFactory: localCredentials(APP_ID, PASSWORD),
      },
    });
  });
  afterAll(async () => {
    await h.stop();
    await openId.stop();
    errors.mockRestore();
  });

  const updateInvoke = (note: string) =>
    h.activity(USERS.alex, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: VERBS.updateAction,
          data: { planId: PLAN, ref: '4', slot: '', status: 'at-risk', note },
        },
        trigger: 'manual',
      },
    });
  const install = () => h.activity(USERS.alex, { type: 'installationUpdate', action: 'add' });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const valid = () => openId.token(APP_ID, h.connector.url);

  async function snapshot() {
    return {
      action: await h.app.repos.actions.get(PLAN, '4'),
      history: await h.app.repos.updates.listForAction(PLAN, '4'),
      alex: await h.app.repos.people.get(USERS.alex.email),
      sent: h.connector.activities.length,
    };
  }

  const now = () => Math.floor(Date.now() / 1000);
  const badHeaders: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['an empty bearer', () => ({ Authorization: 'Bearer ' })],
    ['a token that is not a JWT', () => bearer('not-a-token')],
    ['a JWT of garbage', () => bearer('aaa.bbb.ccc')],
    ['a Basic scheme', () => ({ Authorization: `Basic ${valid()}` })],
    [
      'an expired token',
      () => bearer(openId.token(APP_ID, h.connector.url, { claims: { exp: now() - 3600 } })),
    ],
    [
      'a token for another app',
      () =>
        bearer(
          openId.token(APP_ID, h.connector.url, {
            claims: { aud: '99999999-2222-3333-4444-555555555555' },
          }),
        ),
    ],
    [
      'a token from another issuer',
      () =>
        bearer(openId.token(APP_ID, h.connector.url, { claims: { iss: 'https://evil.example' } })),
    ],
    [
      'a token for another service URL',
      () => bearer(openId.token(APP_ID, 'https://smba.evil.example/')),
    ],
    [
      'a token signed by another key under the published key id',
      () => bearer(openId.token(APP_ID, h.connector.url, { key: newSigningKey(openId.key.kid) })),
    ],
    [
      'a token signed by an unknown key',
      () => bearer(openId.token(APP_ID, h.connector.url, { key: newSigningKey() })),
    ],
    [
      'an unsigned token (alg none)',
      () => bearer(openId.token(APP_ID, h.connector.url, { header: { alg: 'none' } })),
    ],
    [
      'a token with a tampered payload',
      () => {
        const [head, , signature] = valid().split('.');
        const claims = {
          iss: BOT_FRAMEWORK_ISSUER,
          aud: APP_ID,
          serviceurl: h.connector.url,
          exp: now() + 7200,
        };
        return bearer(
          `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`,
        );
      },
    ],
    [
      'a token not yet valid',
      () =>
        bearer(
          openId.token(APP_ID, h.connector.url, {
            claims: { nbf: now() + 3600, iat: now() + 3600 },
          }),
        ),
    ],
  ];

  it.each(badHeaders)('refuses %s with 401 and changes nothing', async (_name, headers) => {
    const before = await snapshot();
    const update = await h.post(updateInvoke('Should never be saved'), headers());
    const welcome = await h.post(install(), headers());
    expect(update.status).toBe(401);
    expect(welcome.status).toBe(401);
    // The reason stays in the logs: the caller learns nothing of how the token was checked.
    expect(update.body).toEqual({ error: 'The request is not authenticated.' });
    expect(welcome.body).toEqual({ error: 'The request is not authenticated.' });
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.history).toEqual([]);
    expect(after.alex?.aadObjectId).toBeNull();
    expect(after.sent).toBe(0);
  });

  it('refuses a token signed with the HMAC of the public key (algorithm confusion)', async () => {
    const pem = openId.key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const { createHmac } = await import('node:crypto');
    const head = Buffer.from(
      JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: openId.key.kid }),
    ).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({
        iss: BOT_FRAMEWORK_ISSUER,
        aud: APP_ID,
        serviceurl: h.connector.url,
        exp: now() + 3600,
      }),
    ).toString('base64url');
    const signature = createHmac('sha256', pem).update(`${head}.${body}`).digest('base64url');
    const result = await h.post(updateInvoke('HMAC'), bearer(`${head}.${body}.${signature}`));
    expect(result.status).toBe(401);
    expect(await h.app.repos.updates.listForAction(PLAN, '4')).toEqual([]);
  });

  it('accepts a valid channel token: the turn runs and is recorded', async () => {
    const welcome = await h.post(install(), bearer(valid()));
    expect(welcome.status).toBe(200);
    expect((await h.app.repos.people.get(USERS.alex.email))?.aadObjectId).toBe(
      USERS.alex.aadObjectId,
    );
    expect(h.connector.cards().length).toBeGreaterThan(0);

    const update = await h.post(updateInvoke('Signed and saved'), bearer(valid()));
    expect(update.status).toBe(200);
    expect(update.body).toEqual(
      expect.objectContaining({ type: 'application/vnd.microsoft.card.adaptive' }),
    );
    const history = await h.app.repos.updates.listForAction(PLAN, '4');
    expect(history.map((u) => u.note)).toEqual(['Signed and saved']);
    expect(openId.fetches).toBeGreaterThan(0);
  });

  it('refuses, politely and without changes, a signed activity from another tenant', async () => {
    h.connector.clear();
    const before = await snapshot();
    const other = '99999999-0000-0000-0000-000000000000';
    const activity = {
      ...updateInvoke('From another tenant'),
      channelData: { tenant: { id: other } },
      conversation: { id: 'a:other', conversationType: 'personal', tenantId: other },
    };
    const result = await h.post(activity, bearer(valid()));
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringMatching(/only works for staff of the council/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('signs the tokens these tests use like the Bot Connector does', () => {
    const [head, body] = valid().split('.');
    expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual(
      expect.objectContaining({ alg: 'RS256', kid: openId.key.kid }),
    );
    expect(JSON.parse(Buffer.from(body, 'base64url').toString())).toEqual(
      expect.objectContaining({ iss: BOT_FRAMEWORK_ISSUER, aud: APP_ID }),
    );
    expect(signToken({ a: 1 }, openId.key, { alg: 'none' }).endsWith('.')).toBe(true);
  });
});
