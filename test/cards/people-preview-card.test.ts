import { buildImportDoneCard } from '../../src/cards/import-done-card';
import { buildPeoplePreviewCard } from '../../src/cards/people-preview-card';
import { CARD_BUDGET_BYTES, cardBytes } from '../../src/cards/render';
import { VERBS } from '../../src/cards/verbs';
import { comparePeople, type DirectoryRow } from '../../src/domain/import-changes';
import type { PeoplePreviewPayload } from '../../src/services/preview-import';
import type { Preview } from '../../src/domain/preview';
import { HOSTILE_TEXTS, longNote, samplePeople } from '../support/sample-data';
import { executeData, expectSoundCard, visibleText } from './card-checks';

function preview(rows: DirectoryRow[]): Preview<PeoplePreviewPayload> {
  return {
    id: 'f'.repeat(32),
    kind: 'people',
    fileName: 'people.csv',
    createdBy: 'pattif@example.com',
    createdByName: 'Patti Fernandez',
    createdAt: '2026-11-25T10:00:00.000Z',
    expiresAt: '2026-11-26T10:00:00.000Z',
    state: 'open',
    settledBy: null,
    settledByName: null,
    settledAt: null,
    outcome: null,
    version: '',
    payload: {
      entries: rows,
      changes: comparePeople([samplePeople.marketing, samplePeople.democratic], rows),
    },
  };
}

describe('people preview card', () => {
  it('lists people added, changed (and what) and left as they are, with Import and Cancel', () => {
    const card = buildPeoplePreviewCard({
      preview: preview([
        samplePeople.marketing,
        { ...samplePeople.democratic, roles: ['admin'] },
        {
          email: 'sam@example.com',
          name: 'Sam Patel',
          posts: ['Head of Parks'],
          service: 'Parks',
          roles: ['officer'],
        },
      ]),
      timezone: 'Europe/London',
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Added: 1 person');
    expect(text).toContain('Sam Patel (sam@example.com): Head of Parks, Parks · officer');
    expect(text).toContain('Changed: 1 person');
    expect(text).toContain('(roles changed)');
    expect(text).toContain('Left as they are: 1 person');
    expect(executeData(card).map((d) => d.verb)).toEqual([VERBS.confirmImport, VERBS.cancelImport]);
  });

  it('stays within the size budget with thousands of long rows and hostile names', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      email: `person${i}@example.com`,
      name: `${HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]} ${longNote(200)}`,
      posts: [longNote(300)],
      service: longNote(100),
      roles: ['officer' as const],
    }));
    const card = buildPeoplePreviewCard({ preview: preview(rows), timezone: 'Europe/London' });
    expectSoundCard(card, HOSTILE_TEXTS);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(visibleText(card)).toContain('more.');
  });
});

describe('import done card', () => {
  it('confirms the import and offers the first messages', () => {
    const card = buildImportDoneCard({
      heading: 'Imported: Climate plan',
      lines: ['4 added, 0 updated from climate.docx.', 'Head of Parks is now held by Sam Patel.'],
      offer: { planId: 'climate-plan', owners: 3 },
    });
    expectSoundCard(card);
    expect(visibleText(card)).toContain('That is 3 people, one message each, sent once.');
    expect(executeData(card)).toEqual([{ verb: VERBS.sendFirstMessages, planId: 'climate-plan' }]);
  });

  it('makes no offer when nobody owns an open action, and stays small', () => {
    const card = buildImportDoneCard({
      heading: longNote(1000),
      lines: Array(100).fill(longNote(4000)),
      offer: { planId: 'p', owners: 0 },
    });
    expectSoundCard(card);
    expect(executeData(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  });
});
