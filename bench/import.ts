// bench:import — imports a generated 10,000-row XLSX plan into Azurite and compares it with raw
// batched writes of the same rows in the same run.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readPlanFile } from '../src/import/read-plan-file';
import { storeImportedPlan } from '../src/services/import-plan';
import { createRepositories } from '../src/services/repositories';
import { toActionEntity } from '../src/storage/actions-repository';
import { startAzurite } from '../src/storage/azurite';
import { TableStore } from '../src/storage/table-store';
import { PLAN_HEADINGS, writePlanXlsx } from '../test/support/plan-documents';
import { round, timed } from './bench-stats';

const ROWS = 10_000;
const OWNERS = [
  'Head of Democratic Services',
  'Head of Finance',
  'Head of Housing',
  'Head of Planning',
];
const MONTHS = ['January', 'March', 'June', 'September', 'November'];

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-import-'));
  const file = path.join(dir, 'plan.xlsx');
  await writePlanXlsx(
    {
      title: 'Corporate Improvement Plan 2026/27',
      dateLine: '7 September 2026',
      headings: PLAN_HEADINGS,
      rows: Array.from({ length: ROWS }, (_, i) => [
        `${i + 1}. That the council reviews service ${i + 1} and reports to committee.`,
        `The service will carry out review ${i + 1} with partners and report back.`,
        `${OWNERS[i % OWNERS.length]}${i % 7 === 0 ? ` and ${OWNERS[(i + 1) % OWNERS.length]}` : ''}`,
        i % 3 === 0 ? 'N/A' : `£${(i % 50) * 1000}`,
        i % 11 === 0 ? 'Complete' : `${MONTHS[i % MONTHS.length]} 202${7 + (i % 3)}`,
      ]),
    },
    file,
  );
  const azurite = await startAzurite({ inMemory: true });
  try {
    // Warm up connections and table creation so neither side pays for them.
    const warm = new TableStore(azurite.connectionString, 'warm');
    await warm.ensureTables();

    const importStore = new TableStore(azurite.connectionString, 'imp');
    await importStore.ensureTables();
    const repos = createRepositories(importStore);
    const importRun = await timed(async () => {
      // The bench plan is twice the largest a council may import by default.
      const plan = await readPlanFile(file, {
        planId: 'improvement',
        knownPosts: OWNERS,
        limits: { maxRows: ROWS },
      });
      await storeImportedPlan(repos, plan, {
        sourceFile: file,
        now: new Date(),
        timezone: 'Europe/London',
      });
      return plan;
    });
    const plan = importRun.value;
    if (plan.actions.length !== ROWS)
      throw new Error(`Imported ${plan.actions.length} rows, expected ${ROWS}`);

    const rawStore = new TableStore(azurite.connectionString, 'raw');
    await rawStore.ensureTables();
    const entities = plan.actions.map((a) =>
      toActionEntity({
        ...a,
        planId: 'improvement',
        revisedDue: null,
        revisedReason: null,
        lastUpdateAt: null,
        lastUpdateBy: null,
        lastNote: null,
      }),
    );
    const baseline = await timed(() => rawStore.upsertMany('actions', entities));
    const stored = await repos.actions.listByPlan('improvement');
    if (stored.length !== ROWS) throw new Error(`Stored ${stored.length} rows, expected ${ROWS}`);

    const ratio = importRun.ms / baseline.ms;
    process.stdout.write(
      [
        `rows:                 ${ROWS}`,
        `import (read + store): ${round(importRun.ms, 0)} ms`,
        `raw batched writes:    ${round(baseline.ms, 0)} ms`,
        `ratio:                 ${round(ratio)} (goal ≤ 1.5)`,
        '',
      ].join('\n'),
    );
    process.stdout.write(
      `${JSON.stringify({ bench: 'import', rows: ROWS, import_ms: round(importRun.ms, 1), baseline_ms: round(baseline.ms, 1), ratio: round(ratio) })}\n`,
    );
  } finally {
    await azurite.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
