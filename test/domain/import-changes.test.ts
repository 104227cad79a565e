import {
  comparePeople,
  comparePlan,
  isInitials,
  unheldOwners,
} from '../../src/domain/import-changes';
import { sampleActions, samplePeople } from '../support/sample-data';

const documentOf = (actions = sampleActions) =>
  actions.map((a) => ({
    ref: a.ref,
    recommendation: a.recommendation,
    proposedAction: a.proposedAction,
    owners: a.owners,
    budget: a.budget,
    timescale: a.timescale,
    due: a.due,
  }));

describe('comparePlan', () => {
  it('finds nothing to change in the same document', () => {
    expect(comparePlan(sampleActions, documentOf())).toEqual({
      added: [],
      changed: [],
      removed: [],
      unchanged: sampleActions.length,
    });
  });

  it('names added, changed (with their fields) and removed actions; refs match loosely', () => {
    const [first, second, ...rest] = documentOf();
    const changes = comparePlan(sampleActions, [
      { ...first, ref: ` ${first.ref.toUpperCase()} `, owners: ['Head of Parks'] },
      ...rest,
      { ...second, ref: '42' },
    ]);
    expect(changes.added).toEqual(['42']);
    expect(changes.changed).toEqual([{ ref: ` ${first.ref.toUpperCase()} `, fields: ['owners'] }]);
    expect(changes.removed).toEqual([second.ref]);
    expect(changes.unchanged).toBe(rest.length);
  });

  it('treats every action as added when nothing is stored', () => {
    expect(comparePlan([], documentOf()).added).toEqual(sampleActions.map((a) => a.ref));
  });
});

describe('unheldOwners', () => {
  it('lists owners nobody holds once, with their actions, and tells initials from posts', () => {
    const unheld = unheldOwners(
      [
        { ref: '1', owners: ['Head of Parks', 'head of marketing and communications'] },
        { ref: '2', owners: ['Head of Parks', 'J.S.'] },
        { ref: '3', owners: ['JS'] },
      ],
      [samplePeople.marketing],
    );
    expect(unheld).toEqual([
      { owner: 'Head of Parks', kind: 'post', refs: ['1', '2'] },
      { owner: 'J.S', kind: 'initials', refs: ['2'] },
      { owner: 'JS', kind: 'initials', refs: ['3'] },
    ]);
  });

  it('recognises initials but not short post titles', () => {
    expect(['JS', 'AB', 'JAS', 'J.S.', 'J. S.', 'J.S'].every(isInitials)).toBe(true);
    expect(['CEO of Parks', 'Js', 'Director', 'HR Manager', 'A'].some(isInitials)).toBe(false);
  });
});

describe('comparePeople', () => {
  it('finds people added, changed (and what) and left as they are, by email', () => {
    const directory = [samplePeople.marketing, samplePeople.democratic];
    const changes = comparePeople(directory, [
      { ...samplePeople.marketing, email: samplePeople.marketing.email.toUpperCase() },
      { ...samplePeople.democratic, posts: ['Head of Governance'], roles: ['admin'] },
      {
        email: 'new@example.com',
        name: 'New Person',
        posts: [],
        service: null,
        roles: ['officer'],
      },
    ]);
    expect(changes.added.map((r) => r.email)).toEqual(['new@example.com']);
    expect(changes.changed).toEqual([expect.objectContaining({ fields: ['posts', 'roles'] })]);
    expect(changes.unchanged).toHaveLength(1);
  });
});
