import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readPlanFile } from '../../src/import/read-plan-file';
import { ImplausiblePlanError } from '../../src/import/types';
import { FIXTURES } from '../fixtures/plans/build';

const DIR = path.join(__dirname, '..', 'fixtures', 'plans');

interface Expected {
  stoppedWithoutAcceptWarnings: boolean;
  plan: unknown;
  actions: unknown[];
  warnings: unknown[];
}

describe('published plans in the layouts councils use', () => {
  it('has at least 15 plans, in every format', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(FIXTURES.map((f) => path.extname(f.file)))).toEqual(
      new Set(['.docx', '.pdf', '.txt', '.csv', '.xlsx']),
    );
  });

  it.each(FIXTURES.map((f) => f.file))(
    '%s imports with every field and warning as expected',
    async (name) => {
      const file = path.join(DIR, name);
      const expected = JSON.parse(await readFile(`${file}.expected.json`, 'utf8')) as Expected;
      const plan = await readPlanFile(file, { acceptWarnings: true });
      expect(plan.plan).toEqual(expected.plan);
      expect(plan.actions).toEqual(expected.actions);
      expect(plan.warnings).toEqual(expected.warnings);
      const unaccepted = readPlanFile(file);
      if (expected.stoppedWithoutAcceptWarnings) {
        await expect(unaccepted).rejects.toBeInstanceOf(ImplausiblePlanError);
      } else {
        await expect(unaccepted).resolves.toEqual(plan);
      }
    },
  );
});
