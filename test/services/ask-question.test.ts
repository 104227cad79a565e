import path from 'node:path';
import { readPlanFile } from '../../src/import/read-plan-file';
import { answerChosenReading, askQuestion, type AskRequest } from '../../src/services/ask-question';
import { storeImportedPlan } from '../../src/services/import-plan';
import { createRepositories } from '../../src/services/repositories';
import { createTestStore } from '../support/store';
import { samplePerson } from '../support/sample-data';

const FIXTURE = path.join(__dirname, '../fixtures/000_77f21607da4671ce.txt');
const now = new Date('2026-11-25T10:00:00Z');
const request: AskRequest = {
  viewer: samplePerson('patti@example.com', {
    name: 'Patti Fernandez',
    roles: ['chair', 'admin'],
    version: '1',
  }),
  now,
  timezone: 'Europe/London',
  staleDays: 14,
  channel: null,
};

async function withPlan() {
  const repos = createRepositories(await createTestStore());
  const plan = await readPlanFile(FIXTURE, { planId: 'members' });
  await storeImportedPlan(repos, plan, { sourceFile: 'p.txt', now, timezone: 'Europe/London' });
  return repos;
}

describe('asking a question', () => {
  it('says when a question cannot be read, and answers one that can', async () => {
    const repos = await withPlan();
    expect((await askQuestion(repos, 'zzzz qqqq', request)).outcome).toEqual({
      kind: 'not-understood',
    });
    const { outcome } = await askQuestion(repos, 'what is overdue?', request);
    expect(outcome.kind).toBe('answered');
  });

  it('asks for a channel when a channel summary is requested in a chat', async () => {
    const repos = await withPlan();
    const { outcome } = await answerChosenReading(
      repos,
      { intent: 'subscribe', slots: { plan: 'members' } },
      request,
    );
    expect(outcome).toEqual({ kind: 'no-channel' });
    expect(await repos.channels.list()).toEqual([]);
  });

  it('reports a chosen reading whose plan has gone, answering nothing', async () => {
    const repos = await withPlan();
    const { outcome } = await answerChosenReading(
      repos,
      { intent: 'overdue', slots: { plan: 'removed' } },
      request,
    );
    expect(outcome).toEqual({ kind: 'plan-gone' });
  });
});
