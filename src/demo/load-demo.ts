import path from 'node:path';
import { projectRoot } from '../config/paths';
import { readPeopleFile } from '../import/people-file';
import { readPlanFile } from '../import/read-plan-file';
import { storeImportedPlan } from '../services/import-plan';
import type { Repositories } from '../services/repositories';

/** The demo plan (a real council plan) and a directory matching the playground's users. */
export const DEMO_FILES = {
  plan: path.join(projectRoot(), 'demo', 'members-communications-action-plan.txt'),
  people: path.join(projectRoot(), 'demo', 'people.csv'),
};

/**
 * Loads the demo plan and people when the store has no plans yet, so `npm start` on a fresh
 * machine shows a working bot, and a store someone has used is never overwritten.
 */
export async function loadDemoIfEmpty(
  repos: Repositories,
  options: { now: Date; timezone: string },
): Promise<boolean> {
  if ((await repos.plans.list()).length > 0) return false;
  const people = await readPeopleFile(DEMO_FILES.people);
  await repos.people.importEntries(people);
  const plan = await readPlanFile(DEMO_FILES.plan, {
    planId: 'members-communications',
    knownPosts: people.flatMap((p) => p.posts),
  });
  await storeImportedPlan(repos, plan, {
    sourceFile: path.basename(DEMO_FILES.plan),
    now: options.now,
    timezone: options.timezone,
  });
  return true;
}
