import { readPeopleFile } from '../import/people-file';
import { readPlanFile } from '../import/read-plan-file';
import type { ImportedPlan, ImportOptions } from '../import/types';
import { storeImportedPlan, type ImportOutcome } from './import-plan';
import type { Repositories } from './repositories';

/**
 * `import FILE` on the CLI: reads a plan document, its owners checked against the posts people
 * in the directory hold, and stores it. Without `repos` (a dry run) it is read and checked
 * only, and nothing is stored. A plan the checks doubt is refused with an
 * `ImplausiblePlanError` that carries what was read.
 */
export async function importPlanFile(
  repos: Repositories | null,
  file: string,
  options: Omit<ImportOptions, 'knownPosts'> & { timezone: string; now: Date },
): Promise<{ imported: ImportedPlan; outcome: ImportOutcome | null }> {
  const { now, ...reading } = options;
  const knownPosts = repos ? (await repos.people.list()).flatMap((p) => p.posts) : [];
  const imported = await readPlanFile(file, { ...reading, knownPosts });
  if (!repos) return { imported, outcome: null };
  const outcome = await storeImportedPlan(repos, imported, {
    sourceFile: file,
    now,
    timezone: options.timezone,
  });
  return { imported, outcome };
}

/**
 * `people import FILE` on the CLI: loads the people directory from a CSV or XLSX file. The file
 * is read before storage is opened, so a file that cannot be read is refused on its own.
 */
export async function importPeopleFile(
  openRepos: () => Promise<Pick<Repositories, 'people'>>,
  file: string,
): Promise<{ count: number }> {
  const entries = await readPeopleFile(file);
  const repos = await openRepos();
  await repos.people.importEntries(entries);
  return { count: entries.length };
}
