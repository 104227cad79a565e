import type { ImportedPlan, ImportWarning } from '../../import/types';

const MAX_OWNERS_WIDTH = 40;

const clip = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text;

/**
 * The dry run's readable report: the plan's title, one line per action (ref, owners, due date,
 * status) with its warnings underneath, then the warnings about the document as a whole.
 */
export function importReport(imported: ImportedPlan): string[] {
  const byRef = new Map<string, ImportWarning[]>();
  const general: ImportWarning[] = [];
  for (const warning of imported.warnings) {
    if (warning.ref === null) general.push(warning);
    else byRef.set(warning.ref, [...(byRef.get(warning.ref) ?? []), warning]);
  }
  const rows = imported.actions.map((a) => [
    a.ref,
    clip(a.owners.join('; ') || '(no owner)', MAX_OWNERS_WIDTH),
    a.due ?? '-',
    a.status,
  ]);
  const header = ['Ref', 'Owners', 'Due', 'Status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [
    `${imported.plan.title} (${imported.plan.id}), ${imported.plan.date ?? 'no date'}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
  ];
  imported.actions.forEach((action, i) => {
    out.push(line(rows[i]));
    for (const w of byRef.get(action.ref) ?? []) out.push(`      Warning: ${w.message}`);
  });
  if (general.length > 0) {
    out.push('');
    for (const w of general) out.push(`Warning: ${w.message}`);
  }
  return out;
}
