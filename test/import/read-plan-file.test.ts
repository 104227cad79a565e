import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readPlanBytes, readPlanFile } from '../../src/import/read-plan-file';
import { planPdf } from '../support/plan-pdf';
import { ImportError, type ImportedPlan } from '../../src/import/types';
import {
  planTableFromImported,
  writePlanCsv,
  writePlanDocuments,
  writePlanDocx,
  writePlanText,
  writePlanXlsx,
} from '../support/plan-documents';

const FIXTURE = path.join(__dirname, '..', 'fixtures', '000_77f21607da4671ce.txt');
const MARKETING = 'Head of Marketing and Communications';
const DEMOCRATIC = 'Head of Democratic Services';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'plan-import-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readPlanFile on the council plan pasted from Word', () => {
  let plan: ImportedPlan;
  beforeAll(async () => {
    plan = await readPlanFile(FIXTURE);
  });

  it('reads the title and date above the table', () => {
    expect(plan.plan).toEqual({
      id: 'ad-hoc-scrutiny-panel-members-communications-action-plan',
      title: "AD HOC SCRUTINY PANEL MEMBERS' COMMUNICATIONS - ACTION PLAN",
      date: '2021-09-07',
    });
  });

  it('reads four actions, joining the row wrapped over two lines', () => {
    expect(plan.actions.map((a) => a.ref)).toEqual(['1', '2', '3', '4']);
    expect(plan.actions.map((a) => a.owners)).toEqual([
      [MARKETING],
      [MARKETING, DEMOCRATIC],
      [DEMOCRATIC],
      [MARKETING, DEMOCRATIC],
    ]);
    expect(plan.actions.map((a) => a.budget)).toEqual(['N/A', 'N/A', 'N/A', 'N/A']);
    expect(plan.actions.map((a) => a.timescale)).toEqual([
      'Complete',
      'January 2022',
      'Complete',
      'November 2021',
    ]);
    expect(plan.actions.map((a) => a.due)).toEqual([null, '2022-01-31', null, '2021-11-30']);
    expect(plan.actions.map((a) => a.status)).toEqual([
      'complete',
      'not-started',
      'complete',
      'not-started',
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('keeps the text whole, without the number or line breaks', () => {
    const [first, , , fourth] = plan.actions;
    expect(first.recommendation).toBe(
      'That a communications plan be implemented that aligns with the refreshed Strategic Plan 2021-2024 to ensure consistency and direction of council communications.',
    );
    expect(fourth.recommendation).toBe(
      'As a corollary of recommendations one and two; a framework be developed to provide clarity to all Members on the appropriate use of social media.',
    );
    expect(fourth.proposedAction).toContain('used as the basis for the first annual session.');
    expect(fourth.proposedAction).toMatch(/circulated to all Councillors$/);
    for (const action of plan.actions) {
      expect(action.recommendation).not.toMatch(/\s{2}|\n|^\s|\s$/);
      expect(action.proposedAction).not.toMatch(/\s{2}|\n|^\s|\s$/);
    }
  });

  it('uses the plan id it is given', async () => {
    const again = await readPlanFile(FIXTURE, { planId: 'members-comms' });
    expect(again.plan.id).toBe('members-comms');
    expect(again.actions).toEqual(plan.actions);
  });

  it.each(['csv', 'xlsx', 'docx', 'txt'] as const)(
    'reads the same plan written as .%s',
    async (extension) => {
      const files = await writePlanDocuments(planTableFromImported(plan), folder, 'round-trip');
      expect(await readPlanFile(files[extension])).toEqual(plan);
    },
  );

  it('reads the same plan pasted from Word, where a line break in a cell starts a new line', async () => {
    const table = planTableFromImported(plan);
    const lines = [
      table.title,
      '',
      table.dateLine ?? '',
      '',
      table.headings.join('\t'),
      ...table.rows.flatMap((row) => row.join('\t').split('\n')),
    ];
    expect(lines.length).toBeGreaterThan(table.rows.length + 5);
    expect(await readPlanBytes(Buffer.from(lines.join('\r\n')), 'pasted.txt')).toEqual(plan);
  });

  it('reads the same plan from a PDF, ruled or not', async () => {
    const table = planTableFromImported(plan);
    for (const ruled of [true, false]) {
      const bytes = await planPdf({
        preamble: [table.title, table.dateLine ?? ''],
        headings: table.headings,
        rows: table.rows,
        widths: [140, 160, 95, 55, 65],
        ruled,
      });
      expect(await readPlanBytes(bytes, 'members.pdf')).toEqual(plan);
    }
  });

  it('reads the same plan with a status column in every format', async () => {
    const withProgress: ImportedPlan = {
      ...plan,
      actions: plan.actions.map((a, i) => ({ ...a, status: i === 1 ? 'at-risk' : a.status })),
    };
    const table = planTableFromImported(withProgress, { withStatus: true });
    const files = await writePlanDocuments(table, folder, 'with-status');
    for (const file of [files.csv, files.xlsx, files.docx, files.txt]) {
      expect(await readPlanFile(file)).toEqual(withProgress);
    }
  });
});

describe('readPlanFile with other layouts', () => {
  it('reads the headings councils use instead of the usual ones', async () => {
    const file = path.join(folder, 'synonyms.csv');
    await writePlanCsv(
      {
        title: 'Highways Task and Finish Group – Action Plan',
        dateLine: 'Date: 14 March 2023',
        headings: ['Proposal', 'Response', 'Lead Officer', 'Target date', 'Resources', 'RAG'],
        rows: [
          [
            'R1 Review gully cleaning',
            'Map gullies',
            'Highways Manager',
            'Q2 2023/24',
            '£5,000',
            'Green',
          ],
          [
            'R2 Publish a schedule',
            'Put it online',
            'Head of Highways',
            '31/03/2024',
            '',
            'Complete',
          ],
        ],
      },
      file,
    );
    const plan = await readPlanFile(file);
    expect(plan.plan).toEqual({
      id: 'highways-task-and-finish-group-action-plan',
      title: 'Highways Task and Finish Group – Action Plan',
      date: '2023-03-14',
    });
    expect(plan.actions).toEqual([
      {
        ref: 'R1',
        recommendation: 'Review gully cleaning',
        proposedAction: 'Map gullies',
        owners: ['Highways Manager'],
        budget: '£5,000',
        timescale: 'Q2 2023/24',
        due: '2023-09-30',
        status: 'on-track',
      },
      {
        ref: 'R2',
        recommendation: 'Publish a schedule',
        proposedAction: 'Put it online',
        owners: ['Head of Highways'],
        budget: '',
        timescale: '31/03/2024',
        due: '2024-03-31',
        status: 'complete',
      },
    ]);
  });

  it('reads a semicolon-separated CSV with a byte order mark', async () => {
    const file = path.join(folder, 'semicolons.csv');
    await writePlanCsv(
      {
        title: 'Scrutiny plan',
        dateLine: '07/09/2021',
        headings: ['Recommendation', 'Action', 'Owner', 'Timescale'],
        rows: [
          ['1. Train members, annually', 'Book sessions; invite all', 'Head of HR', 'Ongoing'],
        ],
      },
      file,
      { delimiter: ';', bom: true },
    );
    const plan = await readPlanFile(file);
    expect(plan.plan.date).toBe('2021-09-07');
    expect(plan.actions).toEqual([
      expect.objectContaining({
        ref: '1',
        recommendation: 'Train members, annually',
        proposedAction: 'Book sessions; invite all',
        owners: ['Head of HR'],
        due: null,
      }),
    ]);
  });
});

describe('readPlanFile errors', () => {
  const expectImportError = async (file: string, ...parts: (string | RegExp)[]): Promise<void> => {
    const attempt = readPlanFile(file);
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    for (const part of parts) await expect(readPlanFile(file)).rejects.toThrow(part);
  };

  it('says how to save an older binary Word or Excel file, whatever its name', async () => {
    const file = path.join(folder, 'plan.docx');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await writeFile(file, Buffer.concat([ole, Buffer.alloc(504)]));
    await expectImportError(
      file,
      `${file}: is an older Word or Excel file (.doc or .xls); open it in Word or Excel and save it as .docx or .xlsx`,
    );
  });

  it('says a missing file was not found', async () => {
    const file = path.join(folder, 'nowhere.xlsx');
    await expectImportError(file, `${file}: file not found`);
  });

  it('says an empty file is empty', async () => {
    const file = path.join(folder, 'empty.csv');
    await writeFile(file, '');
    await expectImportError(file, `${file}: the file is empty`);
  });

  it('says what headings it expected and what the first lines held', async () => {
    const file = path.join(folder, 'minutes.txt');
    await writeFile(file, 'Minutes of the meeting\n\nItem\tDiscussion\n1\tApologies\n');
    await expectImportError(
      file,
      `${file}: could not find the plan table's heading row`,
      '"Recommendation"',
      '"Post title"',
      '"Timescale"',
      'The first lines were: "Minutes of the meeting"; "Item | Discussion"; "1 | Apologies"',
    );
  });

  it('names the heading a table lacks', async () => {
    const file = path.join(folder, 'no-timescale.csv');
    await writeFile(file, 'Recommendation,Owner\n1. Do it,Head of A\n');
    await expectImportError(file, `${file}: the headings on line 1 have no timescale column`);
  });

  it('rejects a ref used twice, naming both rows', async () => {
    const file = path.join(folder, 'duplicates.csv');
    await writeFile(
      file,
      'Ref,Recommendation,Owner,Timescale\n1,A,Head of A,May 2024\n2,B,Head of B,May 2024\n1,C,Head of C,May 2024\n',
    );
    await expectImportError(file, `${file}, line 4: ref "1" is used twice (also on line 2)`);
  });

  it('rejects a row with more cells than the heading row', async () => {
    const file = path.join(folder, 'too-wide.txt');
    await writeFile(file, 'Recommendation\tOwner\tTimescale\n1. A\tHead of A\tMay 2024\textra\n');
    await expectImportError(
      file,
      `${file}, line 2: expected at most 3 columns, as in the heading row (line 1), but found 4`,
    );
  });

  it.each([
    ['xlsx', 'could not be read as an Excel workbook'],
    ['docx', 'could not be read as a Word document'],
  ])('rejects a corrupt .%s', async (extension, message) => {
    const file = path.join(folder, `corrupt.${extension}`);
    await writeFile(
      file,
      Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)),
    );
    await expectImportError(file, `${file}: ${message}`);
  });

  it('rejects documents without a heading row in every format', async () => {
    const table = {
      title: 'Notes',
      dateLine: null,
      headings: ['Name', 'Notes'],
      rows: [['A', 'B']],
    };
    for (const [write, extension] of [
      [writePlanCsv, 'csv'],
      [writePlanXlsx, 'xlsx'],
      [writePlanDocx, 'docx'],
      [writePlanText, 'txt'],
    ] as const) {
      const file = path.join(folder, `notes.${extension}`);
      await write(table, file);
      await expectImportError(
        file,
        `${file}: could not find the plan table's heading row`,
        '"Notes"',
      );
    }
  });
});
