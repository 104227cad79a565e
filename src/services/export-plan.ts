import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { effectiveDue } from '../domain/action';
import { daysLate } from '../domain/overdue';
import { formatDate, localDate } from '../domain/overdue';
import { displayStatus } from '../domain/sign-off';
import { statusLabel } from '../domain/status';
import { makeCommitteeReport } from './committee-report';
import type { ActionsRepository } from '../storage/actions-repository';
import type { PlansRepository } from '../storage/plans-repository';
import type { UpdatesRepository } from '../storage/updates-repository';
import { csvCell } from './csv-cells';
import { refusals } from './refusals';

/** The progress report formats the committee receives (`docx`: the committee's paper). */
export type ExportFormat = 'xlsx' | 'csv' | 'docx';

const ACTION_HEADINGS = [
  'Ref',
  'Recommendation',
  'Proposed action',
  'Post title',
  'Budget cost',
  'Timescale',
  'Due date',
  'Revised due date',
  'Reason for revised date',
  'Status',
  'Reason',
  'Review date',
  'Signed off',
  'Days overdue',
  'Last update',
  'Updated by',
  'Last note',
];
const HISTORY_HEADINGS = [
  'Ref',
  'When',
  'Who',
  'Email',
  'Status from',
  'Status to',
  'Note',
  'Due date from',
  'Due date to',
  'Reason',
  'Source',
];

/** Where an export was written. */
export interface ExportOutcome {
  files: string[];
  actions: number;
  updates: number;
}

/**
 * Writes a plan's progress report: one row per action (status, due date, last note) and the
 * full update history, as two sheets of one workbook, or as two CSV files (FILE and
 * FILE-history.csv) since a CSV holds one table.
 */
export async function exportPlan(
  deps: { plans: PlansRepository; actions: ActionsRepository; updates: UpdatesRepository },
  planId: string,
  options: { format: ExportFormat; out: string; now: Date },
): Promise<ExportOutcome> {
  if (options.format === 'docx') {
    const made = await makeCommitteeReport(deps, planId, { now: options.now });
    await fs.mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await fs.writeFile(options.out, made.bytes);
    return {
      files: [options.out],
      actions: made.report.rows.length,
      updates: made.report.changes.length,
    };
  }
  const plan = await deps.plans.get(planId);
  if (!plan) throw refusals.noSuchPlan(planId);
  const actions = await deps.actions.listByPlan(planId);
  const updates = (await deps.updates.listForPlan(planId)).sort((a, b) => a.at.localeCompare(b.at));
  const actionRows = actions.map((a) => [
    a.ref,
    a.recommendation,
    a.proposedAction,
    a.owners.join('; '),
    a.budget,
    a.timescale,
    a.due ?? '',
    a.revisedDue ?? '',
    a.revisedReason ?? '',
    displayStatus(a, plan),
    a.statusReason ?? '',
    a.reviewDate ?? '',
    a.signedOffAt
      ? `${formatDate(localDate(new Date(a.signedOffAt), plan.timezone))}${a.signedOffBy ? ` by ${a.signedOffBy}` : ''}`
      : '',
    effectiveDue(a) ? daysLate(a, options.now, plan.timezone) : '',
    a.lastUpdateAt ?? '',
    a.lastUpdateBy ?? '',
    a.lastNote ?? '',
  ]);
  const historyRows = updates.map((u) => [
    u.ref,
    u.at,
    u.byName,
    u.by,
    u.statusFrom ? statusLabel(u.statusFrom, plan.labels) : '',
    u.event === 'signed-off' ? 'Signed off' : statusLabel(u.statusTo, plan.labels),
    u.note ?? '',
    u.dueFrom ?? '',
    u.dueTo ?? '',
    u.reason ?? '',
    u.source,
  ]);
  await fs.mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
  if (options.format === 'csv') {
    const historyFile = options.out.replace(/(\.csv)?$/i, '-history.csv');
    // Every cell may hold what someone typed or imported; the XLSX keeps them as typed text.
    const safe = (rows: (string | number)[][]) => rows.map((row) => row.map(csvCell));
    await fs.writeFile(options.out, stringify([ACTION_HEADINGS, ...safe(actionRows)]));
    await fs.writeFile(historyFile, stringify([HISTORY_HEADINGS, ...safe(historyRows)]));
    return { files: [options.out, historyFile], actions: actions.length, updates: updates.length };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.title = plan.title;
  const sheet = workbook.addWorksheet('Actions');
  sheet.addRow([plan.title]).font = { bold: true, size: 14 };
  sheet.addRow([`Progress report as at ${options.now.toISOString().slice(0, 10)}`]);
  sheet.addRow([]);
  sheet.addRow(ACTION_HEADINGS).font = { bold: true };
  actionRows.forEach((row) => sheet.addRow(row));
  const history = workbook.addWorksheet('Update history');
  history.addRow(HISTORY_HEADINGS).font = { bold: true };
  historyRows.forEach((row) => history.addRow(row));
  for (const ws of [sheet, history]) {
    ws.columns.forEach((column) => {
      column.width = 18;
      column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  await workbook.xlsx.writeFile(options.out);
  return { files: [options.out], actions: actions.length, updates: updates.length };
}
