import { VERBS } from '../../src/cards/verbs';
import { startHarness, USERS, type BotHarness, type TeamsUser } from '../support/bot-harness';
import { captureLogs, type LogCapture } from '../support/log-capture';

const PLAN = 'members-communications';
const NOTE = 'NOTE-MARKER-7f3a';
const SECRETS = {
  MicrosoftAppPassword: 'PASSWORD-MARKER-91c2',
  JOBS_SECRET: 'JOBS-SECRET-MARKER-5d7e-0123456789',
  TABLES_CONNECTION_STRING:
    'DefaultEndpointsProtocol=https;AccountName=council;AccountKey=CONNECTION-MARKER-b4e8;EndpointSuffix=core.windows.net',
};
const SORRY = /Sorry, something went wrong on my side and nothing was changed/;

describe('structured logs and the turn error handler', () => {
  let h: BotHarness;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = captureLogs('debug');
    // The connection string is only a setting here: the harness gives the app its own store.
    h = await startHarness({ logger: logs.logger, env: { ...SECRETS, SCHEDULER: 'false' } });
    await h.install(USERS.alex);
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  const activityId = (suffix: string) => `turn-${suffix}-${Date.now()}`;
  const invoke = (user: TeamsUser, id: string, data: Record<string, unknown>) =>
    h.post({
      ...h.activity(user, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: VERBS.updateAction, data } },
      }),
      id,
    });
  const cardData = async (ref: string) => {
    const action = await h.app.repos.actions.get(PLAN, ref);
    return { planId: PLAN, ref, version: action?.version, shownStatus: action?.status, slot: '' };
  };

  it('writes JSON lines with a correlation id per turn, and never a secret or what people typed', async () => {
    const saveId = activityId('save');
    expect(
      (
        await invoke(USERS.alex, saveId, {
          ...(await cardData('4')),
          status: 'at-risk',
          note: `${NOTE} saved`,
        })
      ).status,
    ).toBe(200);
    const tooLongId = activityId('too-long');
    await invoke(USERS.alex, tooLongId, {
      ...(await cardData('4')),
      note: `${NOTE} ${'x'.repeat(5_000)}`,
    });
    await h.message(USERS.alex, `${NOTE} can you help`);
    await h.message(USERS.adele, `summary ${NOTE}`);
    await h.message(USERS.lynne, `${NOTE} who are you`);
    await fetch(`${h.url}/api/jobs/nudges`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${NOTE}-${SECRETS.JOBS_SECRET}` },
    });
    const nudges = await fetch(`${h.url}/api/jobs/nudges`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRETS.JOBS_SECRET}` },
    });
    expect(nudges.status).toBe(200);
    // Alex now has a prompt waiting: a free-text reply records progress.
    await h.message(USERS.alex, `Action 2: ${NOTE} training booked for January`);
    const notes = (await h.app.repos.updates.listForAction(PLAN, '2')).map((u) => u.note);
    expect(notes.join(' ')).toContain(NOTE);

    const text = logs.text();
    for (const marker of [
      NOTE,
      ...Object.values(SECRETS),
      'PASSWORD-MARKER',
      'CONNECTION-MARKER',
    ]) {
      expect(text).not.toContain(marker);
    }
    const lines = logs.lines();
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).toEqual(
        expect.objectContaining({
          app: 'action-plan-bot',
          level: expect.any(Number),
          time: expect.any(String),
          msg: expect.any(String),
        }),
      );
    }
    const saveLines = lines.filter((line) => line.turn === saveId);
    expect(saveLines.map((line) => line.msg)).toContain('action update');
    expect(saveLines.every((line) => line.activity === `card:${VERBS.updateAction}`)).toBe(true);
    expect(lines.filter((line) => line.turn === tooLongId).map((line) => line.msg)).toContain(
      'card action refused',
    );
    expect(lines.find((line) => line.msg === 'job run')).toEqual(
      expect.objectContaining({ job: 'nudges', runKey: expect.any(String) }),
    );
  });

  it('tells the person something useful and records the error when a handler fails unexpectedly', async () => {
    const failure = jest
      .spyOn(h.app.repos.actions, 'get')
      .mockRejectedValue(new TypeError('Unexpected fault in the actions store'));
    try {
      const invokeId = activityId('crash-invoke');
      const answered = await invoke(USERS.alex, invokeId, {
        ...{ planId: PLAN, ref: '4', slot: '' },
        status: 'complete',
        note: `${NOTE} lost?`,
      });
      // A message answer: the card, and the note typed on it, stay where they are.
      expect(answered.status).toBe(200);
      expect(answered.body).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: expect.stringMatching(SORRY),
      });
      const messageId = activityId('crash-message');
      await h.post({
        ...h.activity(USERS.alex, { type: 'message', text: `action ${PLAN} 4` }),
        id: messageId,
      });
      expect(h.connector.texts()).toEqual([expect.stringMatching(SORRY)]);

      const errors = logs.lines().filter((line) => line.msg === 'turn failed');
      for (const id of [invokeId, messageId]) {
        const line = errors.find((e) => e.turn === id);
        expect(line).toEqual(
          expect.objectContaining({
            level: 50,
            err: expect.objectContaining({
              name: 'TypeError',
              message: 'Unexpected fault in the actions store',
              stack: expect.stringContaining('TypeError'),
            }),
          }),
        );
      }
      expect(logs.text()).not.toContain(NOTE);
    } finally {
      failure.mockRestore();
    }
    expect((await h.app.repos.actions.get(PLAN, '4'))?.status).toBe('at-risk');
  });
});
