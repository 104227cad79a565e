import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { VERBS } from '../../src/cards/verbs';
import type { ActionFields } from '../../src/storage/actions-repository';
import { createLogger } from '../../src/logging/logger';
import {
  startHarness,
  TENANT,
  USERS,
  type BotHarness,
  type TeamsUser,
} from '../support/bot-harness';

const PLAN = 'members-communications';
const CHANNEL = '19:scrutiny-channel@thread.tacv2';

function cardText(card: unknown): string {
  if (typeof card === 'string') return card;
  if (Array.isArray(card)) return card.map(cardText).join(' ');
  if (card && typeof card === 'object') return Object.values(card).map(cardText).join(' ');
  return '';
}

function executes(card: unknown, verb: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === verb) found.push(o);
      Object.values(o).forEach(visit);
    }
  };
  visit(card);
  return found;
}

function action(planId: string, ref: string, owners: string[], due: string | null): ActionFields {
  return {
    planId,
    ref,
    recommendation: `Recommendation ${ref}`,
    proposedAction: `Proposed action ${ref}`,
    owners,
    budget: 'N/A',
    timescale: due ?? 'Ongoing',
    due,
    revisedDue: null,
    revisedReason: null,
    status: 'on-track',
    lastUpdateAt: null,
    lastUpdateBy: null,
    lastNote: null,
  } as ActionFields;
}

describe('questions in plain words, end to end', () => {
  let h: BotHarness;

  const inChannel = (user: TeamsUser, text: string) =>
    h.post(
      h.activity(user, {
        type: 'message',
        text: `<at>Action Plan Bot</at> ${text}`,
        entities: [
          {
            type: 'mention',
            text: '<at>Action Plan Bot</at>',
            mentioned: { id: '28:action-plan-bot', name: 'Action Plan Bot' },
          },
        ],
        conversation: {
          id: `${CHANNEL};messageid=1700000000000`,
          conversationType: 'channel',
          tenantId: TENANT,
        },
        channelData: {
          tenant: { id: TENANT },
          channel: { id: CHANNEL, name: 'Scrutiny' },
          team: { id: '19:team@thread.tacv2', name: 'Scrutiny Panel' },
        },
      }),
    );

  beforeAll(async () => {
    h = await startHarness({ env: { JOBS_SECRET: 'a-secret-of-sixteen-or-more' } });
    const now = h.clock.now.toISOString();
    for (const [id, title] of [
      ['childrens-improvement', "Children's Services Improvement Plan"],
      ['send-improvement', 'Special Educational Needs and Disabilities (SEND) Improvement Plan'],
    ]) {
      await h.app.repos.plans.save({
        id,
        title,
        date: null,
        committee: null,
        sourceFile: null,
        importedAt: now,
        timezone: 'Europe/London',
        chairDigestEmails: [],
      });
      await h.app.repos.actions.saveMany([
        action(id, '1', ['Head of Democratic Services'], '2027-06-30'),
      ]);
    }
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  it("answers a chair's plain question in a personal chat with a line and the overdue card", async () => {
    await h.message(USERS.adele, "what's overdue on the comms plan?");
    const [sent] = h.connector.activities;
    expect(sent.activity.text).toBe(
      "2 of 4 actions on the Members' Communications plan are overdue.",
    );
    const text = cardText(h.connector.cards());
    expect(text).toContain('Overdue actions');
    expect(text).toContain('Action 4');
    expect(text).not.toContain('Action 3');
  });

  it('answers a question in a channel after the @mention', async () => {
    const result = await inChannel(USERS.adele, 'how is the comms plan going');
    expect(result.status).toBe(200);
    const [sent] = h.connector.activities;
    expect(sent.conversationId).toContain(CHANNEL);
    expect(String(sent.activity.text)).toMatch(
      /^The Members' Communications plan has 4 actions: 50% complete, 2 overdue\.$/,
    );
    expect(cardText(h.connector.cards())).toContain('Position on');
  });

  it('finds a plan through typos', async () => {
    await h.message(USERS.adele, 'whats overdue on the memebers comunications plan');
    expect(h.connector.texts()[0]).toMatch(/Members' Communications plan are overdue/);
  });

  it('offers the plans an ambiguous name could mean, and answers the one chosen', async () => {
    await h.message(USERS.adele, 'how is the improvement plan going');
    const card = h.connector.cards()[0];
    expect(h.connector.texts()[0]).toMatch(/Several plans match/);
    const buttons = executes(card, VERBS.answerReading);
    const titles = buttons.map((b) => String(b.title));
    expect(titles[0]).toBe("Children's Services Improvement");
    expect(titles[1]).toMatch(/^Special Educational Needs and Disabili/);
    expect(titles).toHaveLength(2);
    h.connector.clear();
    const response = await h.invoke(
      USERS.adele,
      VERBS.answerReading,
      buttons[1].data as Record<string, unknown>,
    );
    expect(response.status).toBe(200);
    expect(cardText((response.body as { value: unknown }).value)).toContain('You chose');
    expect(h.connector.texts()[0]).toMatch(/Improvement plan has 1 action: 0% complete, 0 overdue/);
  });

  it('refuses a damaged choice without answering anything', async () => {
    const response = await h.invoke(USERS.adele, VERBS.answerReading, {
      intent: 'overdue',
      planId: 42,
    });
    expect(String((response.body as { value: unknown }).value)).toMatch(/damaged/);
    expect(h.connector.activities).toHaveLength(0);
  });

  it('answers "since the last meeting" from the meeting dates a chair set', async () => {
    await h.message(USERS.adele, "what's changed on the comms plan since the last meeting");
    expect(h.connector.texts()[0]).toMatch(
      /No meeting dates are set for the Members' Communications plan/,
    );
    h.connector.clear();
    await h.message(USERS.adele, `meetings ${PLAN} 1 October 2026, 14 January 2027`);
    expect(h.connector.texts()[0]).toBe(
      "Done: meetings for the Members' Communications plan are 1 October 2026, 14 January 2027.",
    );
    const before = await h.app.repos.actions.get(PLAN, '4');
    await h.app.repos.updates.append({
      planId: PLAN,
      ref: '4',
      at: '2026-10-20T10:00:00.000Z',
      by: USERS.alex.email,
      byName: 'Alex Wilber',
      statusFrom: before?.status ?? null,
      statusTo: 'at-risk',
      note: 'Waiting for the LGA guidance',
      dueFrom: null,
      dueTo: null,
      reason: null,
      source: 'card',
    });
    await h.app.repos.updates.append({
      planId: PLAN,
      ref: '2',
      at: '2026-09-20T10:00:00.000Z',
      by: USERS.alex.email,
      byName: 'Alex Wilber',
      statusFrom: 'at-risk',
      statusTo: 'off-track',
      note: 'Before the meeting',
      dueFrom: null,
      dueTo: null,
      reason: null,
      source: 'card',
    });
    h.connector.clear();
    await h.message(USERS.adele, "what's changed on the comms plan since the last meeting");
    expect(h.connector.texts()[0]).toBe(
      "1 update on 1 action on the Members' Communications plan since the meeting on 1 October 2026.",
    );
    const text = cardText(h.connector.cards());
    expect(text).toContain('Action 4');
    expect(text).not.toContain('Before the meeting');
  });

  it('gives an officer examples and commands when it cannot read the text', async () => {
    await h.message(USERS.megan, 'the quick brown fox');
    expect(h.connector.texts()[0]).toMatch(/didn't understand/);
    const text = cardText(h.connector.cards());
    expect(text).toContain('What’s due this month?');
    expect(text).toContain('my actions');
    expect(text).not.toContain('Post the comms plan here');
  });

  it('keeps commands working exactly as before', async () => {
    await h.message(USERS.adele, 'overdue');
    expect(h.connector.texts()).toEqual([]);
    expect(cardText(h.connector.cards())).toContain('Overdue actions');
  });

  it('posts a subscribed channel its summary once at its time, not again on a re-run or a second instance', async () => {
    await h.message(USERS.megan, 'post the comms plan here every Monday');
    expect(h.connector.texts()[0]).toMatch(/in the team channel/);
    h.connector.clear();
    await inChannel(USERS.megan, 'post the comms plan here every Monday');
    expect(h.connector.texts()[0]).toMatch(/Only chairs and admins/);
    h.connector.clear();
    await inChannel(USERS.adele, 'post the comms plan here every Monday');
    expect(h.connector.texts()[0]).toBe(
      "Done: I will post the Members' Communications plan here every Monday: what moved, what is overdue and what is due before the next meeting.",
    );
    expect(await h.app.repos.channels.list()).toHaveLength(1);

    // Wednesday: not its day.
    h.connector.clear();
    const early = await h.app.runJob('channels', {
      at: new Date('2026-12-02T08:00:00Z'),
      dryRun: false,
    });
    expect(early.totals.sent).toBe(0);

    // Monday 7 December 2026, 08:00 in London.
    const at = new Date('2026-12-07T08:00:00Z');
    const first = await h.app.runJob('channels', { at, dryRun: false });
    expect(first.totals.sent).toBe(1);
    const posted = h.connector.activities.filter((a) => a.conversationId === CHANNEL);
    expect(posted).toHaveLength(1);
    const text = cardText(h.connector.cards());
    expect(text).toContain('Before the meeting on 14 January 2027');
    expect(text).toContain('Head of Democratic Services');
    expect(text).not.toMatch(/Alex Wilber|alexw@|Megan Bowen|Waiting for the LGA/);
    // The notification says what the post holds, naming no one, and the card speaks it.
    const summary = String(posted[0].activity.summary);
    expect(summary).toBe(
      "Ad hoc scrutiny panel members' communications - action plan – 1 moved, 2 overdue",
    );
    expect(summary).not.toMatch(/Alex|Megan|Head of|Sent a card/);
    const [attachment] = posted[0].activity.attachments as { content: { speak?: string } }[];
    expect(attachment.content.speak).toBe(summary);

    const again = await h.app.runJob('channels', { at, dryRun: false });
    expect(again.totals.sent).toBe(0);
    const second = createApp({
      config: loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false' }),
      store: h.store,
      logger: createLogger('silent'),
      now: () => h.clock.now,
    });
    const other = await second.runJob('channels', { at, dryRun: false });
    expect(other.totals.sent).toBe(0);
    expect(h.connector.activities.filter((a) => a.conversationId === CHANNEL)).toHaveLength(1);

    h.connector.clear();
    await inChannel(USERS.adele, 'stop posting the comms plan here');
    expect(h.connector.texts()[0]).toMatch(/no longer post the Members' Communications plan here/);
    expect(await h.app.repos.channels.list()).toHaveLength(0);
  });
});
