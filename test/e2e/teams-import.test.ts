import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { VERBS } from '../../src/cards/verbs';
import { recordUpdate } from '../../src/services/record-update';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';
import {
  PLAN_HEADINGS,
  writePlanDocuments,
  writePlanDocx,
  type PlanTable,
} from '../support/plan-documents';
import { writePlanPdf } from '../support/plan-pdf';
import { allText, executeOf, invokeCard, invokeMessage, sendFile } from '../support/teams-files';

const CLIMATE: PlanTable = {
  title: 'CLIMATE EMERGENCY SCRUTINY PANEL - ACTION PLAN',
  dateLine: '12 MARCH 2025',
  headings: PLAN_HEADINGS,
  rows: [
    [
      '1. That the council publishes a carbon budget.',
      'A carbon budget will go to Cabinet with the medium-term financial plan.',
      'Head of Democratic Services',
      'Nil',
      'March 2026',
    ],
    [
      '2. That tree planting be doubled.',
      'A planting programme for every ward.',
      'Head of Parks',
      '£20,000',
      'Q3 2026/27',
    ],
    [
      '3. That members receive climate training.',
      'Training sessions for all members.',
      'Head of Marketing and Communications',
      'Officer time',
      'When the new council meets',
    ],
    ['4. That progress is reported yearly.', 'An annual report.', 'JS', 'Nil', 'Ongoing'],
  ],
};
const CLIMATE_ID = 'climate-emergency-scrutiny-panel-action-plan';

describe('importing a plan in Teams', () => {
  let h: BotHarness;
  let folder: string;
  let files: { txt: string; csv: string; xlsx: string; docx: string; pdf: string };

  beforeAll(async () => {
    h = await startHarness();
    folder = await mkdtemp(path.join(os.tmpdir(), 'teams-import-'));
    const pdf = path.join(folder, 'climate.pdf');
    await writePlanPdf(
      {
        preamble: [CLIMATE.title, CLIMATE.dateLine!],
        headings: CLIMATE.headings,
        rows: CLIMATE.rows,
        ruled: true,
        landscape: true,
      },
      pdf,
    );
    files = { ...(await writePlanDocuments(CLIMATE, folder, 'climate')), pdf };
    // Megan has talked to the bot, so she can be sent her first message; Alex has not.
    await h.message(USERS.megan, 'help');
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(async () => {
    h.connector.clear();
    // Each test imports the climate plan afresh.
    const actions = h.store.table('actions');
    const rows = actions.listEntities({
      queryOptions: { filter: `PartitionKey eq '${CLIMATE_ID}'` },
    });
    for await (const row of rows) await actions.deleteEntity(row.partitionKey!, row.rowKey!);
    if (await h.app.repos.plans.get(CLIMATE_ID)) {
      await h.store.table('plans').deleteEntity('plan', CLIMATE_ID);
    }
    await h.app.repos.people.setPosts(USERS.alex.email, ['Head of Democratic Services']);
  });

  const lastCard = (): Record<string, unknown> => {
    const cards = h.connector.cards();
    expect(cards.length).toBeGreaterThan(0);
    return cards[cards.length - 1];
  };

  it.each(['docx', 'xlsx', 'csv', 'txt', 'pdf'] as const)(
    'previews a .%s plan, stores nothing, then imports it on Import',
    async (format) => {
      const bytes = await readFile(files[format]);
      const sent = await sendFile(h, USERS.patti, `climate.${format}`, bytes);
      expect(sent.status).toBe(200);
      const preview = lastCard();
      const text = allText(preview);
      expect(text).toContain('CLIMATE EMERGENCY SCRUTINY PANEL - ACTION PLAN');
      expect(text).toContain('Agreed 12 March 2025');
      expect(text).toContain('4 actions');
      expect(text).toContain('Due 31 March 2026');
      expect(text).toContain('No date (“When the new council meets”)');
      expect(text).toContain('Head of Parks');
      expect(text).toContain('(initials)');
      expect(await h.app.repos.plans.get(CLIMATE_ID)).toBeNull();

      const confirm = executeOf(preview, VERBS.confirmImport)!;
      const done = await h.invoke(USERS.patti, VERBS.confirmImport, {
        ...confirm,
        'holderEmail-0': USERS.alex.email,
      });
      const doneCard = invokeCard(done);
      expect(allText(doneCard)).toContain('Imported: CLIMATE EMERGENCY SCRUTINY PANEL');
      expect(allText(doneCard)).toContain('Head of Parks is now held by Alex Wilber');
      const plan = await h.app.repos.plans.get(CLIMATE_ID);
      expect(plan).toMatchObject({
        sourceFile: `climate.${format}`,
        importedBy: 'Patti Fernandez (pattif@example.com)',
      });
      expect(await h.app.repos.actions.listByPlan(CLIMATE_ID)).toHaveLength(4);
      expect((await h.app.repos.people.get(USERS.alex.email))?.posts).toContain('Head of Parks');
      // The plan's summary card follows, saying who imported it.
      expect(allText(h.connector.cards())).toContain('Imported by Patti Fernandez');
      const audit = await h.app.repos.importAudit.listMonth(h.clock.now);
      const steps = audit
        .filter((a) => a.fileName === `climate.${format}`)
        .map((a) => a.step)
        .sort();
      expect(steps).toEqual(['assigned', 'imported', 'previewed']);
    },
  );

  it('re-imports a changed plan: shows what changes and keeps recorded updates', async () => {
    await sendFile(h, USERS.patti, 'climate.docx', await readFile(files.docx));
    await h.invoke(USERS.patti, VERBS.confirmImport, executeOf(lastCard(), VERBS.confirmImport)!);
    await recordUpdate(h.app.repos, {
      planId: CLIMATE_ID,
      ref: '3',
      author: (await h.app.repos.people.get(USERS.megan.email))!,
      request: { status: 'at-risk', note: 'Waiting for the new council.' },
      source: 'card',
      now: h.clock.now,
      timezone: 'Europe/London',
    });
    const changed: PlanTable = {
      ...CLIMATE,
      rows: [
        CLIMATE.rows[0],
        CLIMATE.rows[1],
        [...CLIMATE.rows[2].slice(0, 4), 'June 2027'],
        [
          '5. That schools are involved.',
          'A schools programme.',
          'Head of Parks',
          'Nil',
          'May 2027',
        ],
      ],
    };
    const file = path.join(folder, 'climate-v2.docx');
    await writePlanDocx(changed, file);
    h.connector.clear();
    await sendFile(h, USERS.patti, 'climate-v2.docx', await readFile(file));
    const text = allText(lastCard());
    expect(text).toContain('Check this re-import');
    expect(text).toContain('Added: 1 action (5)');
    expect(text).toContain('Changed: 1 action: 3 (timescale and due date)');
    expect(text).toContain('No longer in the document: 1 action (4)');
    const done = await h.invoke(
      USERS.patti,
      VERBS.confirmImport,
      executeOf(lastCard(), VERBS.confirmImport)!,
    );
    expect(allText(invokeCard(done))).toContain('1 added, 3 updated from climate-v2.docx');
    expect(await h.app.repos.actions.get(CLIMATE_ID, '3')).toMatchObject({
      status: 'at-risk',
      lastNote: 'Waiting for the new council.',
      timescale: 'June 2027',
      due: '2027-06-30',
    });
    expect(await h.app.repos.actions.get(CLIMATE_ID, '5')).not.toBeNull();
    expect(await h.app.repos.actions.get(CLIMATE_ID, '4')).not.toBeNull();
  });

  it('finds a plan stored under an id of its own by its title, as a re-import', async () => {
    const demo = path.join(__dirname, '../../demo/members-communications-action-plan.txt');
    await sendFile(h, USERS.patti, 'members-communications.txt', await readFile(demo));
    const text = allText(lastCard());
    expect(text).toContain('Check this re-import');
    expect(text).toContain('plan id members-communications');
    expect(text).not.toContain('Added:');
  });

  it('pages a long preview ten at a time', async () => {
    const long: PlanTable = {
      ...CLIMATE,
      title: 'LONG PLAN',
      rows: Array.from({ length: 23 }, (_, i) => [
        `${i + 1}. Recommendation ${i + 1}.`,
        `Action ${i + 1}.`,
        'Head of Democratic Services',
        'Nil',
        'March 2026',
      ]),
    };
    const file = path.join(folder, 'long.docx');
    await writePlanDocx(long, file);
    await sendFile(h, USERS.patti, 'long.docx', await readFile(file));
    const first = lastCard();
    expect(allText(first)).toContain('Actions 1 to 10 of 23');
    const next = await h.invoke(
      USERS.patti,
      VERBS.previewPage,
      executeOf(first, VERBS.previewPage)!,
    );
    const second = invokeCard(next);
    expect(allText(second)).toContain('Actions 11 to 20 of 23');
    const third = invokeCard(
      await h.invoke(USERS.patti, VERBS.previewPage, executeOf(second, VERBS.previewPage)!),
    );
    expect(allText(third)).toContain('Actions 21 to 23 of 23');
    expect(executeOf(third, VERBS.confirmImport)).toBeDefined();
  });

  it('cancels a preview: nothing stored, and Import afterwards does nothing', async () => {
    await sendFile(h, USERS.patti, 'climate.docx', await readFile(files.docx));
    const preview = lastCard();
    const cancelled = await h.invoke(
      USERS.patti,
      VERBS.cancelImport,
      executeOf(preview, VERBS.cancelImport)!,
    );
    expect(allText(invokeCard(cancelled))).toContain('Nothing was imported from climate.docx');
    const late = await h.invoke(
      USERS.patti,
      VERBS.confirmImport,
      executeOf(preview, VERBS.confirmImport)!,
    );
    expect(allText(invokeCard(late))).toContain('Patti Fernandez cancelled it');
    expect(await h.app.repos.plans.get(CLIMATE_ID)).toBeNull();
  });

  it('refuses a non-admin politely without downloading the file', async () => {
    await sendFile(h, USERS.megan, 'climate.docx', await readFile(files.docx));
    expect(h.connector.texts().join(' ')).toContain('Only admins can import plans');
    expect(h.connector.downloads).toHaveLength(0);
    expect(await h.app.repos.plans.get(CLIMATE_ID)).toBeNull();
  });

  it('refuses Import, paging and Cancel from someone who is not an admin', async () => {
    await sendFile(h, USERS.patti, 'climate.docx', await readFile(files.docx));
    const preview = lastCard();
    for (const verb of [VERBS.confirmImport, VERBS.cancelImport]) {
      const refused = await h.invoke(USERS.megan, verb, executeOf(preview, verb)!);
      expect(invokeMessage(refused)).toContain('Only admins can import plans');
    }
    expect(await h.app.repos.plans.get(CLIMATE_ID)).toBeNull();
    expect(
      (await h.app.repos.previews.get(String(executeOf(preview, VERBS.confirmImport)!.previewId)))
        ?.state,
    ).toBe('open');
  });

  it('in a channel, says files go to a personal chat', async () => {
    await sendFile(h, USERS.patti, 'climate.docx', await readFile(files.docx), {
      conversationType: 'channel',
    });
    expect(h.connector.texts().join(' ')).toContain('send it to me in a personal chat');
    expect(h.connector.downloads).toHaveLength(0);
  });

  it('explains a file it cannot read, naming what was expected', async () => {
    await sendFile(h, USERS.patti, 'notes.csv', Buffer.from('Shopping list\nmilk\neggs\n'));
    const said = h.connector.texts().join(' ');
    expect(said).toContain('I could not read that file, so nothing was imported.');
    expect(said).toContain('notes.csv');
    expect(said).toMatch(/expected/i);
    expect(h.connector.cards()).toHaveLength(0);
  });

  it('refuses a file type it does not import, before downloading it', async () => {
    await sendFile(h, USERS.patti, 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff]));
    expect(h.connector.texts().join(' ')).toContain('.docx, .pdf, .xlsx, .csv or .txt');
    expect(h.connector.downloads).toHaveLength(0);
  });

  it('reads a file whose extension lies by what it holds, and says so on top', async () => {
    await sendFile(h, USERS.patti, 'climate.txt', await readFile(files.docx));
    const text = allText(lastCard());
    expect(text).toContain('CLIMATE EMERGENCY SCRUTINY PANEL - ACTION PLAN');
    expect(text).toMatch(/name says .* but it holds a Word document/);
    expect(await h.app.repos.plans.get(CLIMATE_ID)).toBeNull();
  });

  it('refuses a file whose extension lies and whose content is no plan document', async () => {
    await sendFile(h, USERS.patti, 'climate.docx', Buffer.from('%PDF-1.7\nnot really a PDF'));
    const said = h.connector.texts().join(' ');
    expect(said).toContain('I could not read that file, so nothing was imported.');
    expect(said).toContain('climate.docx');
    expect(said).toMatch(/expected/);
    expect(h.connector.cards()).toHaveLength(0);
  });

  it('sends each owner one first message, once however often it is asked', async () => {
    await sendFile(h, USERS.patti, 'climate.docx', await readFile(files.docx));
    const done = invokeCard(
      await h.invoke(USERS.patti, VERBS.confirmImport, executeOf(lastCard(), VERBS.confirmImport)!),
    );
    const offer = executeOf(done, VERBS.sendFirstMessages)!;
    expect(offer).toEqual({ verb: VERBS.sendFirstMessages, planId: CLIMATE_ID });
    h.connector.clear();
    const first = invokeCard(await h.invoke(USERS.patti, VERBS.sendFirstMessages, offer));
    const toMegan = h.connector.activities.filter(
      (a) => a.conversationId === `a:personal-${USERS.megan.id}`,
    );
    expect(toMegan).toHaveLength(1);
    expect(String(toMegan[0].activity.text)).toContain('Here are your actions in');
    expect(allText(first)).toContain('Sent to 1 person: Megan Bowen');
    expect(allText(first)).toContain('Not reached: Alex Wilber');
    h.connector.clear();
    const again = invokeCard(await h.invoke(USERS.patti, VERBS.sendFirstMessages, offer));
    expect(h.connector.activities).toHaveLength(0);
    expect(allText(again)).toContain('Already sent earlier to Megan Bowen');
  });

  it('imports once when two admins press Import at the same moment', async () => {
    await h.app.repos.people.importEntries([
      {
        email: USERS.alex.email,
        name: USERS.alex.name,
        posts: ['Head of Democratic Services'],
        service: 'Governance',
        roles: ['officer', 'head', 'admin'],
      },
    ]);
    await sendFile(h, USERS.patti, 'climate.xlsx', await readFile(files.xlsx));
    const confirm = executeOf(lastCard(), VERBS.confirmImport)!;
    const [a, b] = await Promise.all([
      h.invoke(USERS.patti, VERBS.confirmImport, confirm),
      h.invoke(USERS.alex, VERBS.confirmImport, confirm),
    ]);
    const texts = [allText(invokeCard(a)), allText(invokeCard(b))];
    expect(texts.filter((t) => t.includes('Imported: CLIMATE'))).toHaveLength(1);
    expect(texts.filter((t) => /(imported it|started importing it) on/.test(t))).toHaveLength(1);
    const audit = await h.app.repos.importAudit.listMonth(h.clock.now);
    const imports = audit.filter((e) => e.step === 'imported' && e.previewId === confirm.previewId);
    expect(imports).toHaveLength(1);
  });

  it('says a preview has expired after its time', async () => {
    await sendFile(h, USERS.patti, 'climate.csv', await readFile(files.csv));
    const confirm = executeOf(lastCard(), VERBS.confirmImport)!;
    const saved = h.clock.now;
    h.clock.now = new Date(saved.getTime() + 25 * 3_600_000);
    try {
      const late = await h.invoke(USERS.patti, VERBS.confirmImport, confirm);
      expect(invokeMessage(late)).toContain('This preview has expired');
    } finally {
      h.clock.now = saved;
    }
    expect(await h.app.repos.plans.get(CLIMATE_ID)).toBeNull();
  });

  it('asks again when a holder typed is not in the directory, keeping the preview open', async () => {
    await sendFile(h, USERS.patti, 'climate.docx', await readFile(files.docx));
    const confirm = executeOf(lastCard(), VERBS.confirmImport)!;
    const refused = await h.invoke(USERS.patti, VERBS.confirmImport, {
      ...confirm,
      'holderEmail-0': 'nobody@example.com',
    });
    expect(invokeMessage(refused)).toContain('nobody@example.com is not in the directory');
    expect(await h.app.repos.plans.get(CLIMATE_ID)).toBeNull();
    const done = await h.invoke(USERS.patti, VERBS.confirmImport, confirm);
    expect(allText(invokeCard(done))).toContain('Imported: CLIMATE');
  });
});
