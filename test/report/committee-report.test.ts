import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { loadDemoIfEmpty } from '../../src/demo/load-demo';
import { makeCommitteeReport } from '../../src/services/committee-report';
import { recordUpdate, type Author } from '../../src/services/record-update';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { signOffActions, reopenAction } from '../../src/services/sign-off';
import { createTestStore } from '../support/store';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '../..');
const OUTPUT = path.join(ROOT, 'test-output');
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const PDFTOPPM = '/usr/bin/pdftoppm';
const canRender = Boolean(SOFFICE) && fs.existsSync(PDFTOPPM);
// CI installs LibreOffice and Poppler (see .ci/run); elsewhere the rendering test says why it
// did not run.
const itRenders = canRender || process.env.CI ? it : it.skip;
if (!canRender && !process.env.CI) {
  process.stderr.write(
    'Report rendering skipped: install LibreOffice and Poppler ' +
      '(apt-get install libreoffice-writer-nogui poppler-utils).\n',
  );
}

const PLAN = 'members-communications';
const alex: Author = {
  email: 'alexw@example.com',
  name: 'Alex Wilber',
  posts: ['Head of Democratic Services'],
  roles: ['officer', 'head'],
};
const megan: Author = {
  email: 'meganb@example.com',
  name: 'Megan Bowen',
  posts: ['Head of Marketing and Communications'],
  roles: ['officer'],
};
const adele: Author = {
  email: 'adelev@example.com',
  name: 'Adele Vance',
  posts: [],
  roles: ['chair'],
};

/** The seed plan with a quarter's history: a first report, progress, sign-offs, a new report. */
async function seedWithHistory(): Promise<{ repos: Repositories; first: Buffer; second: Buffer }> {
  const repos = createRepositories(await createTestStore());
  const start = new Date('2026-09-01T09:00:00Z');
  await loadDemoIfEmpty(repos, { now: start, timezone: 'Europe/London' });
  const first = (await makeCommitteeReport(repos, PLAN, { now: new Date('2026-09-02T10:00:00Z') }))
    .bytes;
  const update = (author: Author, ref: string, request: Record<string, string>, at: string) =>
    recordUpdate(repos, {
      planId: PLAN,
      ref,
      author,
      request,
      source: 'card',
      now: new Date(at),
      timezone: 'Europe/London',
    });
  await update(
    megan,
    '2',
    { status: 'complete', note: 'Training is now mandatory.' },
    '2026-09-20T10:00:00Z',
  );
  await update(
    alex,
    '4',
    {
      status: 'paused',
      reason: 'Waiting for the new Member Development Strategy',
      revisedDue: '2027-01-15',
    },
    '2026-10-05T10:00:00Z',
  );
  await signOffActions(repos, {
    planId: PLAN,
    refs: ['1', '2'],
    author: adele,
    source: 'card',
    now: new Date('2026-11-10T19:00:00Z'),
  });
  await reopenAction(repos, {
    planId: PLAN,
    ref: '3',
    author: adele,
    comment: 'Please confirm the Code of Conduct training has been given.',
    source: 'card',
    now: new Date('2026-11-10T19:05:00Z'),
  });
  const second = (await makeCommitteeReport(repos, PLAN, { now: new Date('2026-11-25T10:00:00Z') }))
    .bytes;
  return { repos, first, second };
}

describe('the committee report (.docx)', () => {
  let made: Awaited<ReturnType<typeof seedWithHistory>>;

  beforeAll(async () => {
    made = await seedWithHistory();
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.writeFileSync(path.join(OUTPUT, 'committee-report.docx'), made.second);
  }, 60_000);

  it('reads back with mammoth: heading, every action row, statuses as text', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: made.second });
    expect(html).toMatch(/<h1>.*MEMBERS(&#39;|')? COMMUNICATIONS - ACTION PLAN<\/h1>/);
    const text = (await mammoth.extractRawText({ buffer: made.second })).value;
    for (const heading of [
      'Ref',
      'Recommendation',
      'Agreed action',
      'Lead officer (post)',
      'Original timescale',
      'Revised timescale',
      'Status',
      'Latest update',
      'Signed off on',
    ]) {
      expect(text).toContain(heading);
    }
    const rows = html.split('<tr>').slice(2);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => /<td><p>([^<]*)<\/p><\/td>/.exec(r)?.[1])).toEqual(['1', '2', '3', '4']);
    expect(rows[0]).toContain('Complete');
    expect(rows[0]).toContain('10 November 2026 by Adele Vance');
    expect(rows[1]).toContain('Training is now mandatory.');
    expect(rows[2]).toContain('On track');
    expect(rows[2]).toContain('Please confirm the Code of Conduct training has been given.');
    expect(rows[3]).toContain('Paused');
    expect(rows[3]).toContain('Review 15 January 2027');
    expect(text).toContain('Progress report: 25 November 2026');
  });

  it('says what changed since the previous report, whose date the plan records', async () => {
    const text = (await mammoth.extractRawText({ buffer: made.second })).value;
    expect(text).toContain('Since the last report (2 September 2026):');
    expect(text).toContain('Action 2: Not started to Complete.');
    expect(text).toContain('Action 4: Not started to Paused.');
    expect(text).toContain('Action 1 was signed off by Adele Vance.');
    expect(text).toContain('Action 3 was reopened by Adele Vance.');
    const firstText = (await mammoth.extractRawText({ buffer: made.first })).value;
    expect(firstText).toContain('This is the first progress report on this plan.');
    expect((await made.repos.plans.get(PLAN))?.reportDates).toEqual(['2026-09-02', '2026-11-25']);
  });

  it('is landscape, in UK English, titled, with a heading row that repeats', async () => {
    const zip = await JSZip.loadAsync(made.second);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(body);
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2]));
    expect(body).toContain('<w:tblHeader/>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:val="en-GB"');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>');
    expect(core).toContain('progress report, 25 November 2026');
  });

  itRenders(
    'renders in LibreOffice to a PNG of its first page, saved under test-output',
    async () => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'report-render-'));
      const docx = path.join(work, 'committee-report.docx');
      fs.writeFileSync(docx, made.second);
      // LibreOffice lays the document out as Word would and prints it to PDF; Poppler draws the
      // first page.
      await run(
        SOFFICE ?? 'soffice',
        [
          `-env:UserInstallation=file://${path.join(work, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          work,
          docx,
        ],
        { timeout: 150_000 },
      );
      await run(
        PDFTOPPM,
        [
          '-png',
          '-r',
          '70',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          path.join(work, 'committee-report.pdf'),
          path.join(work, 'committee-report'),
        ],
        { timeout: 30_000 },
      );
      const png = fs.readFileSync(path.join(work, 'committee-report.png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // Landscape: the image is wider than it is tall.
      expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20));
      fs.writeFileSync(path.join(OUTPUT, 'committee-report.png'), png);
      fs.rmSync(work, { recursive: true, force: true });
    },
    180_000,
  );
});
