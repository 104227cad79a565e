import { VERBS } from '../../src/cards/verbs';
import { startHarness, USERS, type BotHarness, type TeamsUser } from '../support/bot-harness';
import { captureLogs, type LogCapture } from '../support/log-capture';

const PLAN = 'members-communications';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const CARD = 'application/vnd.microsoft.card.adaptive';

function cardText(card: unknown): string {
  if (typeof card === 'string') return card;
  if (Array.isArray(card)) return card.map(cardText).join(' ');
  if (card && typeof card === 'object') return Object.values(card).map(cardText).join(' ');
  return '';
}

function hasVerb(card: unknown, verb: string): boolean {
  return JSON.stringify(card).includes(`"verb":"${verb}"`);
}

describe('who may do what, end to end', () => {
  let h: BotHarness;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = captureLogs();
    h = await startHarness({ logger: logs.logger, env: { SCHEDULER: 'false' } });
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  async function stateOf(ref: string) {
    return {
      action: await h.app.repos.actions.get(PLAN, ref),
      history: await h.app.repos.updates.listForAction(PLAN, ref),
    };
  }

  async function update(user: TeamsUser, ref: string, note: string) {
    const current = await h.app.repos.actions.get(PLAN, ref);
    return h.invoke(user, VERBS.updateAction, {
      planId: PLAN,
      ref,
      version: current?.version,
      shownStatus: current?.status,
      slot: '',
      status: 'off-track',
      note,
    });
  }

  it.each([
    ['the chair', USERS.adele],
    ['a head of service who holds no owner post', USERS.isaiah],
  ])('refuses an update from %s, says whose it is, and changes nothing', async (_who, user) => {
    const before = await stateOf('4');
    const result = await update(user, '4', 'Not mine to update');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      statusCode: 200,
      type: MESSAGE,
      value: expect.stringMatching(
        /belongs to Head of Marketing and Communications and Head of Democratic Services\. Only the holders of those posts \(or an admin\)/,
      ),
    });
    expect(await stateOf('4')).toEqual(before);
  });

  it('refuses the same update sent as Action.Submit by the chair', async () => {
    const before = await stateOf('3');
    await h.submit(USERS.adele, {
      verb: VERBS.updateAction,
      planId: PLAN,
      ref: '3',
      version: before.action?.version,
      slot: '',
      status: 'off-track',
      note: 'Submitted by the chair',
    });
    expect(h.connector.texts().join(' ')).toMatch(/belongs to Head of Democratic Services/);
    expect(await stateOf('3')).toEqual(before);
  });

  it('lets chairs and heads read: summaries, and action cards without an update button', async () => {
    for (const reader of [USERS.adele, USERS.isaiah]) {
      h.connector.clear();
      await h.message(reader, 'summary');
      expect(cardText(h.connector.cards())).toContain("members' communications");
      h.connector.clear();
      await h.message(reader, `action ${PLAN} 4`);
      const card = h.connector.cards()[0];
      expect(cardText(card)).toContain('Action 4');
      expect(hasVerb(card, VERBS.updateAction)).toBe(false);
    }
  });

  it('does not give plan summaries to an officer who is neither chair, head nor admin', async () => {
    await h.message(USERS.megan, 'summary');
    expect(h.connector.cards()).toHaveLength(0);
    expect(h.connector.texts().join(' ')).toMatch(
      /Summaries are for chairs, heads of service and admins/,
    );
  });

  it('explains to someone not in the directory who clicks a card, and changes nothing', async () => {
    const before = await stateOf('4');
    const result = await update(USERS.lynne, '4', 'Unknown person');
    expect(result.body).toEqual({
      statusCode: 200,
      type: MESSAGE,
      value: expect.stringMatching(
        /not in this council's action plan directory.*democratic services/,
      ),
    });
    const show = await h.invoke(USERS.lynne, VERBS.showAction, { planId: PLAN, ref: '4' });
    expect((show.body as { type: string }).type).toBe(MESSAGE);
    expect(await stateOf('4')).toEqual(before);
    expect(await h.app.repos.people.get(USERS.lynne.email)).toBeNull();
  });

  it('lets an admin update an action whose post they do not hold', async () => {
    const result = await update(USERS.patti, '3', 'Closed by democratic services');
    expect((result.body as { type: string }).type).toBe(CARD);
    const { action, history } = await stateOf('3');
    expect(action?.status).toBe('off-track');
    expect(history[0]).toEqual(
      expect.objectContaining({
        by: USERS.patti.email,
        note: 'Closed by democratic services',
        statusTo: 'off-track',
      }),
    );
  });
});

describe('activities from another tenant', () => {
  const COUNCIL = '00000000-0000-0000-0000-0000000000001';
  const OTHER = '99999999-0000-0000-0000-000000000000';
  let h: BotHarness;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = captureLogs();
    h = await startHarness({
      logger: logs.logger,
      env: { MicrosoftAppTenantId: COUNCIL, SCHEDULER: 'false' },
    });
  });
  afterAll(async () => {
    await h.stop();
  });

  const fromOther = (user: TeamsUser, fields: Record<string, unknown>) => ({
    ...h.activity(user, fields),
    conversation: { id: `a:other-${user.id}`, conversationType: 'personal', tenantId: OTHER },
    channelData: { tenant: { id: OTHER } },
  });

  it('are refused politely, logged, and change nothing', async () => {
    const before = {
      action: await h.app.repos.actions.get(PLAN, '4'),
      alex: await h.app.repos.people.get(USERS.alex.email),
    };
    await h.post(fromOther(USERS.alex, { type: 'message', text: 'my actions' }));
    await h.post(fromOther(USERS.alex, { type: 'installationUpdate', action: 'add' }));
    const invoke = await h.post(
      fromOther(USERS.alex, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: VERBS.updateAction,
            data: { planId: PLAN, ref: '4', slot: '', status: 'complete', note: 'Other tenant' },
          },
        },
      }),
    );
    expect(invoke.body).toEqual({
      statusCode: 200,
      type: MESSAGE,
      value: 'Sorry, this bot only works for staff of the council that runs it.',
    });
    expect(h.connector.texts()).toEqual(
      expect.arrayContaining(['Sorry, this bot only works for staff of the council that runs it.']),
    );
    expect(h.connector.cards()).toHaveLength(0);
    expect({
      action: await h.app.repos.actions.get(PLAN, '4'),
      alex: await h.app.repos.people.get(USERS.alex.email),
    }).toEqual(before);
    expect(await h.app.repos.updates.listForAction(PLAN, '4')).toEqual([]);
    const refusals = logs
      .lines()
      .filter((line) => line.msg === 'activity from another tenant refused');
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toEqual(expect.objectContaining({ tenant: OTHER, level: 40 }));
  });

  it('while the council’s own tenant is served', async () => {
    h.connector.clear();
    await h.message(USERS.alex, 'my actions');
    expect(cardText(h.connector.cards())).toContain('Action 4');
  });
});
