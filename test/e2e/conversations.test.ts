import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { VERBS } from '../../src/cards/verbs';
import { exportPlan } from '../../src/services/export-plan';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';

const PLAN = 'members-communications';

/** Every string in a card, depth first, so tests can look for what a person would read. */
function cardText(card: unknown): string {
  if (typeof card === 'string') return card;
  if (Array.isArray(card)) return card.map(cardText).join(' ');
  if (card && typeof card === 'object') return Object.values(card).map(cardText).join(' ');
  return '';
}

function findExecute(card: unknown, verb: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) {
    for (const c of card) {
      const hit = findExecute(c, verb);
      if (hit) return hit;
    }
  } else if (card && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) return o.data as Record<string, unknown>;
    for (const v of Object.values(o)) {
      const hit = findExecute(v, verb);
      if (hit) return hit;
    }
  }
  return undefined;
}

describe('Teams conversations end to end', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  it('welcomes an installer by name, posts and role', async () => {
    const result = await h.install(USERS.alex);
    expect(result.status).toBe(200);
    const text = cardText(h.connector.cards());
    expect(text).toContain('Alex Wilber');
    expect(text).toContain('Head of Democratic Services');
    const alex = await h.app.repos.people.get(USERS.alex.email);
    expect(alex?.aadObjectId).toBe(USERS.alex.aadObjectId);
    expect(alex?.conversationReference).toEqual(
      expect.objectContaining({
        conversation: expect.objectContaining({ id: `a:personal-${USERS.alex.id}` }),
      }),
    );
  });

  it('remembers a person on conversationUpdate', async () => {
    const result = await h.conversationUpdate(USERS.megan);
    expect(result.status).toBe(200);
    expect((await h.app.repos.people.get(USERS.megan.email))?.teamsUserId).toBe(USERS.megan.id);
  });

  it('explains politely to someone not in the directory', async () => {
    await h.message(USERS.lynne, 'my actions');
    const text = cardText(h.connector.cards()) + h.connector.texts().join(' ');
    expect(text).toMatch(/can’t find you in the council’s directory/i);
    expect(text).toContain('democratic services');
  });

  it("shows an officer's open actions, overdue first, and complete ones only when asked", async () => {
    await h.message(USERS.alex, 'My Actions');
    const open = cardText(h.connector.cards());
    expect(open).toContain('2 open actions, 2 overdue');
    // Action 4 (due November 2021) is later than action 2 (January 2022), so it comes first.
    expect(open.indexOf('Action 4')).toBeGreaterThan(-1);
    expect(open.indexOf('Action 4')).toBeLessThan(open.indexOf('Action 2'));
    expect(open).not.toContain('Action 3');
    h.connector.clear();
    await h.message(USERS.alex, 'my actions all');
    expect(cardText(h.connector.cards())).toContain('Action 3');
  });

  it('tolerates the @mention text of a channel', async () => {
    const activity = h.activity(
      USERS.adele,
      {
        type: 'message',
        text: '<at>Action Plan Bot</at> summary',
        entities: [
          {
            type: 'mention',
            text: '<at>Action Plan Bot</at>',
            mentioned: { id: '28:action-plan-bot', name: 'Action Plan Bot' },
          },
        ],
      },
      { conversationType: 'channel' },
    );
    await h.post(activity);
    expect(cardText(h.connector.cards())).toContain("members' communications");
  });

  it('lets the owner update action 4 from its card; the refreshed card shows it and the chair sees it', async () => {
    await h.message(USERS.alex, `action ${PLAN} 4`);
    const card = h.connector.cards()[0];
    const data = findExecute(card, VERBS.updateAction);
    expect(data).toEqual(expect.objectContaining({ planId: PLAN, ref: '4' }));
    const response = await h.invoke(USERS.alex, VERBS.updateAction, {
      ...data,
      status: 'at-risk',
      note: 'Framework drafted; LGA guidance ${$root.secret} [link](https://evil.example) **bold**',
    });
    expect(response.status).toBe(200);
    const body = response.body as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const refreshed = cardText(body.value);
    expect(refreshed).toContain('At risk');
    expect(refreshed).toContain('${$root.secret} [link](https://evil.example) **bold**');

    const history = await h.app.repos.updates.listForAction(PLAN, '4');
    expect(history[0]).toEqual(
      expect.objectContaining({
        by: USERS.alex.email,
        statusFrom: 'not-started',
        statusTo: 'at-risk',
        source: 'card',
      }),
    );

    h.connector.clear();
    await h.message(USERS.adele, 'summary');
    const summary = h.connector.cards()[0];
    const summaryText = cardText(summary);
    expect(summaryText).toMatch(/2\D+Complete|Complete\D+2/);
    expect(summaryText).toMatch(/1\D+At risk|At risk\D+1/);
    expect(summaryText).toMatch(/1\D+Not started|Not started\D+1/);

    const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'export-')), 'report.xlsx');
    await exportPlan(h.app.repos, PLAN, { format: 'xlsx', out, now: h.clock.now });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const rows: string[] = [];
    workbook
      .getWorksheet('Update history')
      ?.eachRow((row) => rows.push(JSON.stringify(row.values)));
    expect(rows.join('\n')).toContain('Alex Wilber');
    expect(rows.join('\n')).toContain('Framework drafted');
  });

  it('refuses an update from someone who does not hold the post, and changes nothing', async () => {
    const before = await h.app.repos.actions.get(PLAN, '3');
    await h.message(USERS.megan, `action ${PLAN} 3`);
    const card = h.connector.cards()[0];
    expect(findExecute(card, VERBS.updateAction)).toBeUndefined();
    expect(cardText(card)).toMatch(/read only/i);
    const response = await h.invoke(USERS.megan, VERBS.updateAction, {
      planId: PLAN,
      ref: '3',
      version: before?.version,
      shownStatus: 'complete',
      slot: '',
      status: 'off-track',
      note: 'Not mine',
    });
    expect(response.body).toEqual(
      expect.objectContaining({ type: 'application/vnd.microsoft.activity.message' }),
    );
    expect(String((response.body as { value: string }).value)).toMatch(
      /Head of Democratic Services/,
    );
    expect(await h.app.repos.actions.get(PLAN, '3')).toEqual(before);
    expect(await h.app.repos.updates.listForAction(PLAN, '3')).toEqual([]);
  });

  it('answers a stale card with the fresh card and what changed, never overwriting', async () => {
    const first = await h.app.repos.actions.get(PLAN, '2');
    const data = {
      planId: PLAN,
      ref: '2',
      version: first?.version,
      shownStatus: 'not-started',
      slot: '',
    };
    await h.invoke(USERS.megan, VERBS.updateAction, {
      ...data,
      status: 'on-track',
      note: 'Training booked',
    });
    const stale = await h.invoke(USERS.alex, VERBS.updateAction, {
      ...data,
      status: 'off-track',
      note: 'Committee postponed',
    });
    const text = cardText((stale.body as { value: unknown }).value);
    expect(text).toMatch(/Megan Bowen updated this action/);
    expect(text).toMatch(/not applied/);
    const after = await h.app.repos.actions.get(PLAN, '2');
    expect(after?.status).toBe('on-track');
    const notes = (await h.app.repos.updates.listForAction(PLAN, '2')).map((u) => u.note);
    expect(notes).toEqual(expect.arrayContaining(['Training booked', 'Committee postponed']));
  });

  it('handles Action.Submit from older clients the same way', async () => {
    const current = await h.app.repos.actions.get(PLAN, '2');
    await h.submit(
      USERS.alex,
      {
        verb: VERBS.updateAction,
        planId: PLAN,
        ref: '2',
        version: current?.version,
        slot: '',
        status: 'at-risk',
        note: 'Via submit',
      },
      'original-card-id',
    );
    expect((await h.app.repos.actions.get(PLAN, '2'))?.status).toBe('at-risk');
    const update = h.connector.activities.find((a) => a.method === 'update');
    expect(update?.replyToId).toBe('original-card-id');
  });

  it('answers help and unknown text with the help card', async () => {
    await h.message(USERS.alex, 'what can you do for me');
    expect(h.connector.texts().join(' ')).toMatch(/didn't understand/);
    expect(cardText(h.connector.cards())).toContain('my actions');
  });

  it('lets an admin assign a post, and refuses others', async () => {
    await h.message(USERS.alex, 'assign Head of Democratic Services to meganb@example.com');
    expect(h.connector.texts().join(' ')).toMatch(/Only admins/);
    h.connector.clear();
    await h.message(USERS.patti, 'assign Head of Democratic Services to meganb@example.com');
    expect(h.connector.texts().join(' ')).toMatch(
      /now held by Megan Bowen.*previously Alex Wilber/,
    );
    expect((await h.app.repos.people.get(USERS.megan.email))?.posts).toContain(
      'Head of Democratic Services',
    );
    expect((await h.app.repos.people.get(USERS.alex.email))?.posts).not.toContain(
      'Head of Democratic Services',
    );
    await h.message(USERS.patti, 'assign Head of Democratic Services to alexw@example.com');
  });

  it('lists overdue actions for a chair', async () => {
    await h.message(USERS.adele, 'overdue');
    const text = cardText(h.connector.cards());
    expect(text).toContain('2 actions are past due');
    expect(text).toMatch(/Action 4.{0,40}over 4 years late/);
  });

  it('answers 400 for malformed requests, not 500', async () => {
    expect((await h.postRaw('{}')).status).toBe(400);
    expect((await h.postRaw('not json')).status).toBe(400);
    expect((await h.post({ type: 'message' })).status).toBe(400);
    expect((await h.post([1, 2])).status).toBe(400);
  });

  it('reports health', async () => {
    const response = await fetch(`${h.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expect.objectContaining({ status: 'ok', storage: 'ok' }));
  });
});
