import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { VERBS } from '../../src/cards/verbs';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';
import { PLAN_HEADINGS, writePlanDocuments, type PlanTable } from '../support/plan-documents';
import { allText, executeOf, invokeCard, sendFile } from '../support/teams-files';

const TABLE: PlanTable = {
  title: 'HOUSING SCRUTINY REVIEW - ACTION PLAN',
  dateLine: '3 JUNE 2025',
  headings: PLAN_HEADINGS,
  rows: [
    [
      '1. That repairs are tracked.',
      'A repairs dashboard.',
      'Head of Democratic Services',
      'Nil',
      'September 2026',
    ],
  ],
};
const PLAN_ID = 'housing-scrutiny-review-action-plan';

describe('files sent to the bot: limits, restarts and people files', () => {
  let h: BotHarness;
  let files: { txt: string; csv: string; xlsx: string; docx: string };

  beforeAll(async () => {
    h = await startHarness({ env: { FILE_MAX_MB: '1', FILE_MAX_REDIRECTS: '2' } });
    files = await writePlanDocuments(
      TABLE,
      await mkdtemp(path.join(os.tmpdir(), 'teams-import-limits-')),
      'housing',
    );
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  const lastCard = (harness: BotHarness = h): Record<string, unknown> => {
    const cards = harness.connector.cards();
    expect(cards.length).toBeGreaterThan(0);
    return cards[cards.length - 1];
  };

  it('refuses an oversized file by its declared length', async () => {
    await sendFile(h, USERS.patti, 'pack.docx', Buffer.alloc(1024 * 1024 + 1, 0x41));
    const said = h.connector.texts().join(' ');
    expect(said).toContain('That file is too large: the most I can read is 1 MB.');
    expect(said).toContain('Nothing was imported.');
    expect(h.connector.cards()).toHaveLength(0);
  });

  it('stops reading an oversized file that does not declare its length', async () => {
    await sendFile(h, USERS.patti, 'pack.txt', Buffer.alloc(3 * 1024 * 1024, 0x41), {
      declaredLength: null,
    });
    expect(h.connector.texts().join(' ')).toContain('That file is too large');
    const audit = await h.app.repos.importAudit.listMonth(h.clock.now);
    expect(audit.find((e) => e.fileName === 'pack.txt')).toMatchObject({
      step: 'unreadable',
      by: USERS.patti.email,
    });
  });

  it('follows a bounded number of redirects', async () => {
    await sendFile(h, USERS.patti, 'housing.docx', await readFile(files.docx), { redirects: 2 });
    expect(allText(lastCard())).toContain('HOUSING SCRUTINY REVIEW - ACTION PLAN');
    h.connector.clear();
    await sendFile(h, USERS.patti, 'housing.docx', await readFile(files.docx), { redirects: 3 });
    expect(h.connector.texts().join(' ')).toContain('its link kept redirecting');
    expect(h.connector.downloads).toHaveLength(3);
  });

  it('says when the file store refuses the download', async () => {
    await sendFile(h, USERS.patti, 'housing.docx', await readFile(files.docx), { status: 403 });
    expect(h.connector.texts().join(' ')).toContain('the server answered 403');
  });

  it('confirms a preview after a restart, on a new app over the same tables', async () => {
    await sendFile(h, USERS.patti, 'housing.xlsx', await readFile(files.xlsx));
    const confirm = executeOf(lastCard(), VERBS.confirmImport)!;
    const second = await startHarness({ store: h.store, demo: false, now: h.clock.now });
    try {
      const done = await second.invoke(USERS.patti, VERBS.confirmImport, confirm);
      expect(allText(invokeCard(done))).toContain('Imported: HOUSING SCRUTINY REVIEW');
      expect(await second.app.repos.actions.listByPlan(PLAN_ID)).toHaveLength(1);
      // The first instance sees it as done.
      const again = await h.invoke(USERS.patti, VERBS.confirmImport, confirm);
      expect(allText(invokeCard(again))).toContain('Patti Fernandez imported it');
    } finally {
      await second.stop();
    }
  });

  it('previews a people file as added, changed and unchanged, then imports it', async () => {
    const csv = [
      'name,email,post,service,role',
      'Alex Wilber,alexw@example.com,Head of Democratic Services,Governance,officer;head',
      'Megan Bowen,meganb@example.com,Head of Communications,Governance,officer',
      'Sam Patel,samp@example.com,Head of Parks,Environment,officer',
    ].join('\n');
    await sendFile(h, USERS.patti, 'people.csv', Buffer.from(csv));
    const preview = lastCard();
    const text = allText(preview);
    expect(text).toContain('Added: 1 person');
    expect(text).toContain('Sam Patel (samp@example.com)');
    expect(text).toContain('Changed: 1 person');
    expect(text).toContain('posts changed');
    expect(text).toContain('Left as they are: 1 person');
    expect(await h.app.repos.people.get('samp@example.com')).toBeNull();
    const done = await h.invoke(
      USERS.patti,
      VERBS.confirmImport,
      executeOf(preview, VERBS.confirmImport)!,
    );
    expect(allText(invokeCard(done))).toContain('1 added, 1 changed, 1 left as they were');
    expect(await h.app.repos.people.get('samp@example.com')).toMatchObject({
      name: 'Sam Patel',
      posts: ['Head of Parks'],
    });
    expect((await h.app.repos.people.get(USERS.megan.email))?.posts).toEqual([
      'Head of Communications',
    ]);
  });

  it('names the row of a people file it cannot read', async () => {
    const before = (await h.app.repos.people.list()).length;
    const csv = [
      'name,email,post,service,role',
      'Kim Lee,kiml@example.com,Head of Libraries,Communities,officer',
      'Jo Rowe,not-an-email,Head of Leisure,Communities,officer',
    ].join('\n');
    await sendFile(h, USERS.patti, 'people.csv', Buffer.from(csv));
    const said = h.connector.texts().join(' ');
    expect(said).toContain('people.csv, row 3: expected an email address');
    expect(h.connector.cards()).toHaveLength(0);
    expect(await h.app.repos.people.list()).toHaveLength(before);
  });
});
