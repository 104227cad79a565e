import mammoth from 'mammoth';
import { VERBS } from '../../src/cards/verbs';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';

const PLAN = 'members-communications';

/** Every string in a card or activity, depth first: what a person could read. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join(' ');
  return '';
}

function executeData(card: unknown, verb: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const data = o.data as Record<string, unknown> | undefined;
      if (o.type === 'Action.Execute' && data?.verb === verb) found.push(data);
      Object.values(o).forEach(visit);
    }
  };
  visit(card);
  return found;
}

const invokeCard = (result: { body: unknown }): Record<string, unknown> =>
  (result.body as { value: Record<string, unknown> }).value;

describe('sign-off, reopening and the committee report in Teams', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness();
    // Everyone has talked to the bot once, so it can reach them.
    for (const user of [USERS.alex, USERS.megan, USERS.adele, USERS.patti]) await h.install(user);
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  it('takes an action from complete to awaiting sign-off to signed off from the chair’s card', async () => {
    // Alex completes action 4 (his and Megan's) from its card.
    const before = (await h.app.repos.actions.get(PLAN, '4'))!;
    const saved = await h.invoke(USERS.alex, VERBS.updateAction, {
      planId: PLAN,
      ref: '4',
      version: before.version,
      shownStatus: before.status,
      slot: '',
      status: 'complete',
      note: 'Framework published on the intranet.',
    });
    expect(textOf(invokeCard(saved))).toContain('Complete — awaiting sign-off');
    h.clock.now = new Date('2026-11-26T10:00:00Z');
    // Alex is not chased about it any more.
    const nudges = await h.app.runJob('nudges', {
      at: new Date('2026-11-30T09:00:00Z'),
      dryRun: true,
    });
    expect(JSON.stringify(nudges.messages)).not.toContain('"ref":"4"');

    // The chair's summary is followed by what awaits her sign-off: 1 and 3 (complete in the
    // document) and 4.
    await h.message(USERS.adele, 'summary');
    const [, signOffCard] = h.connector.cards();
    expect(textOf(signOffCard)).toContain('Awaiting sign-off');
    const buttons = executeData(signOffCard, VERBS.signOffAction);
    expect(buttons.map((b) => b.ref)).toEqual(['1', '3', '4']);

    const signed = await h.invoke(USERS.adele, VERBS.signOffAction, buttons[2]);
    const after = invokeCard(signed);
    expect(textOf(after)).toContain('Signed off action 4');
    expect(executeData(after, VERBS.signOffAction).map((b) => b.ref)).toEqual(['1', '3']);
    expect(await h.app.repos.actions.get(PLAN, '4')).toMatchObject({
      status: 'complete',
      signedOffBy: 'Adele Vance',
      signedOffAt: '2026-11-26T10:00:00.000Z',
    });
  });

  it('signs off several at once by message, and says which could not be', async () => {
    await h.message(USERS.adele, 'sign off 1, 2 and 3');
    const [text] = h.connector.texts();
    expect(text).toContain('Signed off actions 1 and 3 of');
    expect(text).toContain(
      'Action 2 is not started, not complete, so there is nothing to sign off.',
    );
    expect((await h.app.repos.actions.get(PLAN, '3'))?.signedOffBy).toBe('Adele Vance');
  });

  it('refuses officers, changing nothing', async () => {
    await h.message(USERS.megan, 'sign off 2 on the comms plan');
    expect(h.connector.texts().join(' ')).toContain('Only chairs and admins can sign off actions.');
  });

  it('reopens with a comment that reaches the owners through the notifier', async () => {
    await h.message(
      USERS.adele,
      'reopen rec 4 on the comms plan: please add the link to the framework',
    );
    const toAdele = h.connector.activities.filter(
      (a) => a.conversationId === `a:personal-${USERS.adele.id}`,
    );
    expect(textOf(toAdele.map((a) => a.activity))).toContain(
      'I have told Alex Wilber and Megan Bowen.',
    );
    for (const owner of [USERS.alex, USERS.megan]) {
      const told = h.connector.activities.filter(
        (a) => a.conversationId === `a:personal-${owner.id}`,
      );
      expect(textOf(told.map((a) => a.activity))).toContain(
        'Adele Vance reopened this action: please add the link to the framework',
      );
    }
    expect(await h.app.repos.actions.get(PLAN, '4')).toMatchObject({
      status: 'on-track',
      signedOffAt: null,
    });
  });

  it('sends the committee report through the file consent flow, and records its date', async () => {
    await h.message(USERS.adele, 'report for the comms plan');
    const consent = h.connector.activities
      .flatMap((a) => (a.activity.attachments as Record<string, unknown>[] | undefined) ?? [])
      .find((att) => att.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    expect(consent).toBeDefined();
    const content = consent!.content as Record<string, unknown>;
    expect(consent!.name).toBe('members-communications-progress-report-2026-11-26.docx');
    expect(content.sizeInBytes).toBeGreaterThan(1000);
    expect((await h.app.repos.plans.get(PLAN))?.reportDates).toEqual([]);

    h.connector.clear();
    const accepted = await h.post(
      h.activity(USERS.adele, {
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: {
          type: 'fileUpload',
          action: 'accept',
          context: content.acceptContext,
          uploadInfo: {
            name: consent!.name,
            uploadUrl: h.connector.uploadUrl('report.docx'),
            contentUrl: 'https://contoso-my.sharepoint.com/personal/adele/report.docx',
            uniqueId: 'file-1',
            fileType: 'docx',
          },
        },
      }),
    );
    expect(accepted.status).toBe(200);
    const uploaded = h.connector.uploads.get('report.docx');
    expect(uploaded?.headers['content-range']).toBe(
      `bytes 0-${uploaded!.bytes.length - 1}/${uploaded!.bytes.length}`,
    );
    const text = (await mammoth.extractRawText({ buffer: uploaded!.bytes })).value;
    expect(text).toContain("MEMBERS' COMMUNICATIONS - ACTION PLAN");
    expect(text).toContain('Signed off on');
    const info = h.connector.activities
      .flatMap((a) => (a.activity.attachments as Record<string, unknown>[] | undefined) ?? [])
      .find((att) => att.contentType === 'application/vnd.microsoft.teams.card.file.info');
    expect(info).toMatchObject({
      contentUrl: 'https://contoso-my.sharepoint.com/personal/adele/report.docx',
      content: { uniqueId: 'file-1', fileType: 'docx' },
    });
    expect((await h.app.repos.plans.get(PLAN))?.reportDates).toEqual(['2026-11-26']);
  });

  it('records nothing when the chair declines, and sends files only in a personal chat', async () => {
    await h.post(
      h.activity(USERS.adele, {
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: { type: 'fileUpload', action: 'decline', context: { planId: PLAN } },
      }),
    );
    expect(h.connector.texts().join(' ')).toContain('I have not saved the report');
    h.connector.clear();
    await h.post(
      h.activity(
        USERS.adele,
        { type: 'message', text: 'report for the comms plan' },
        { conversationType: 'channel' },
      ),
    );
    expect(h.connector.texts().join(' ')).toContain(
      'Teams only lets me send files in a personal chat',
    );
  });

  it('prompts a paused action’s owner again on its review date, not before', async () => {
    const current = (await h.app.repos.actions.get(PLAN, '2'))!;
    await h.invoke(USERS.megan, VERBS.updateAction, {
      planId: PLAN,
      ref: '2',
      version: current.version,
      shownStatus: current.status,
      slot: '',
      status: 'paused',
      reason: 'Waiting for the new member development budget',
      revisedDue: '2026-12-14',
    });
    expect(await h.app.repos.actions.get(PLAN, '2')).toMatchObject({
      status: 'paused',
      reviewDate: '2026-12-14',
    });
    const asked = async (at: string) =>
      (await h.app.runJob('nudges', { at: new Date(at), dryRun: true })).messages
        .flatMap((m) => m.items ?? [])
        .filter((i) => i.ref === '2');
    // Overdue since January 2022, but paused: not chased until the review date.
    expect(await asked('2026-12-11T09:00:00Z')).toEqual([]);
    expect(await asked('2026-12-14T09:00:00Z')).toContainEqual({
      planId: PLAN,
      ref: '2',
      reason: 'paused-review',
    });
  });

  it('reopens from the card only with a comment, and signs off all from it', async () => {
    const complete = async () => {
      const a = (await h.app.repos.actions.get(PLAN, '4'))!;
      await h.invoke(USERS.alex, VERBS.updateAction, {
        planId: PLAN,
        ref: '4',
        version: a.version,
        shownStatus: a.status,
        slot: '',
        status: 'complete',
      });
    };
    await complete();
    h.connector.clear();
    await h.message(USERS.adele, 'sign off');
    const [card] = h.connector.cards();
    const [reopen] = executeData(card, VERBS.reopenAction);
    expect(reopen).toMatchObject({ ref: '4', slot: '1' });

    const refused = await h.invoke(USERS.adele, VERBS.reopenAction, {
      ...reopen,
      'comment-1': ' ',
    });
    expect(textOf(refused.body)).toContain('Please say why the action is reopened');
    expect((await h.app.repos.actions.get(PLAN, '4'))?.status).toBe('complete');

    const reopened = await h.invoke(USERS.adele, VERBS.reopenAction, {
      ...reopen,
      'comment-1': 'The link is broken.',
    });
    expect(textOf(invokeCard(reopened))).toContain('Reopened action 4');
    expect((await h.app.repos.actions.get(PLAN, '4'))?.lastNote).toBe('The link is broken.');

    await complete();
    h.connector.clear();
    await h.message(USERS.adele, 'sign off for the comms plan');
    const all = executeData(h.connector.cards()[0], VERBS.signOffAction);
    expect(all.map((d) => d.ref)).toEqual(['4']);
    const [signAll] = executeData(h.connector.cards()[0], VERBS.signOffAll);
    expect(signAll).toBeUndefined();
    const signed = await h.invoke(USERS.adele, VERBS.signOffAll, {
      verb: VERBS.signOffAll,
      planId: PLAN,
      refs: '4',
    });
    expect(textOf(invokeCard(signed))).toContain('Nothing is waiting for sign-off.');
    expect((await h.app.repos.actions.get(PLAN, '4'))?.signedOffBy).toBe('Adele Vance');
  });
});
