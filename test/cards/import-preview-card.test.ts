import {
  buildImportPreviewCard,
  PREVIEW_PAGE_SIZE,
  PREVIEW_UNHELD_LIMIT,
} from '../../src/cards/import-preview-card';
import { CARD_BUDGET_BYTES, cardBytes } from '../../src/cards/render';
import { VERBS } from '../../src/cards/verbs';
import { comparePlan, unheldOwners } from '../../src/domain/import-changes';
import type { ImportedAction } from '../../src/import/types';
import type { PlanPreviewPayload } from '../../src/services/preview-import';
import type { Preview } from '../../src/domain/preview';
import { HOSTILE_TEXTS, longNote, sampleActions, samplePeople } from '../support/sample-data';
import {
  executeData,
  expectLiteral,
  expectSoundCard,
  inputIdsOf,
  visibleText,
} from './card-checks';

const people = Object.values(samplePeople).map((p) => ({ name: p.name, email: p.email }));

const document: ImportedAction[] = sampleActions.map((a) => ({
  ref: a.ref,
  recommendation: a.recommendation,
  proposedAction: a.proposedAction,
  owners: a.owners,
  budget: a.budget,
  timescale: a.timescale,
  due: a.due,
  status: a.status,
}));

function preview(
  payload: Partial<PlanPreviewPayload> = {},
  actions = document,
): Preview<PlanPreviewPayload> {
  return {
    id: '0123456789abcdef0123456789abcdef',
    kind: 'plan',
    fileName: 'members-communications.docx',
    createdBy: 'pattif@example.com',
    createdByName: 'Patti Fernandez',
    createdAt: '2026-11-25T10:00:00.000Z',
    expiresAt: '2026-11-26T10:00:00.000Z',
    state: 'open',
    settledBy: null,
    settledByName: null,
    settledAt: null,
    outcome: null,
    version: 'W/"1"',
    payload: {
      imported: {
        plan: {
          id: 'members-communications',
          title: "MEMBERS' COMMUNICATIONS - ACTION PLAN",
          date: '2021-09-07',
        },
        actions,
        warnings: [],
      },
      committee: null,
      changes: null,
      unheld: [],
      ...payload,
    },
  };
}

describe('import preview card', () => {
  it('shows the plan, each action with owners, due date or timescale, and Import / Cancel', () => {
    const card = buildImportPreviewCard({
      preview: preview(),
      page: 0,
      timezone: 'Europe/London',
      people,
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain("MEMBERS' COMMUNICATIONS - ACTION PLAN");
    expect(text).toContain('Agreed 7 September 2021');
    expect(text).toContain(`${document.length} actions`);
    expect(text).toContain('Head of Marketing and Communications');
    const undated = document.find((a) => a.due === null && a.timescale.trim() !== '');
    if (undated) expect(text).toContain(`No date (“${undated.timescale.trim()}`);
    const verbs = executeData(card).map((d) => d.verb);
    expect(verbs).toEqual([VERBS.confirmImport, VERBS.cancelImport]);
    expect(executeData(card)[0]).toEqual({
      verb: VERBS.confirmImport,
      previewId: '0123456789abcdef0123456789abcdef',
      page: '',
    });
    expect(text).toContain('until 26 November 2026 at 10am');
  });

  it('pages long plans ten at a time and keeps typed holders when paging', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...document[0], ref: String(i + 1) }));
    const unheld = [{ owner: 'Head of Parks', kind: 'post' as const, refs: ['1', '2'] }];
    const first = buildImportPreviewCard({
      preview: preview({ unheld }, many),
      page: 0,
      timezone: 'Europe/London',
      people,
    });
    expectSoundCard(first);
    expect(visibleText(first)).toContain(`Actions 1 to ${PREVIEW_PAGE_SIZE} of 25`);
    expect(executeData(first).map((d) => [d.verb, d.page])).toEqual([
      [VERBS.previewPage, '1'],
      [VERBS.confirmImport, ''],
      [VERBS.cancelImport, ''],
    ]);
    const last = buildImportPreviewCard({
      preview: preview({ unheld }, many),
      page: 2,
      timezone: 'Europe/London',
      people,
      typed: { 'holderEmail-0': 'sam@example.com' },
    });
    expect(visibleText(last)).toContain('Actions 21 to 25 of 25');
    expect(executeData(last).map((d) => [d.verb, d.page])).toEqual([
      [VERBS.previewPage, '0'],
      [VERBS.confirmImport, ''],
      [VERBS.cancelImport, ''],
    ]);
    expect(JSON.stringify(last)).toContain('"value":"sam@example.com"');
  });

  it('offers a people picker and an email box for each owner nobody holds', () => {
    const unheld = unheldOwners(
      [...document, { ...document[0], ref: '9', owners: ['Head of Parks', 'JS'] }],
      [samplePeople.marketing],
    );
    const card = buildImportPreviewCard({
      preview: preview({ unheld }),
      page: 0,
      timezone: 'Europe/London',
      people,
    });
    expectSoundCard(card);
    expect(inputIdsOf(card)).toEqual(unheld.flatMap((_, i) => [`holder-${i}`, `holderEmail-${i}`]));
    const picker = JSON.stringify(card);
    expect(picker).toContain(
      '"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users"}',
    );
    expect(visibleText(card)).toContain('JS');
    expect(visibleText(card)).toContain('(initials)');
  });

  it('puts plan-wide problems on top and a row warning beside its action', () => {
    const card = buildImportPreviewCard({
      preview: preview({
        imported: {
          plan: { id: 'p', title: 'Plan', date: null },
          actions: document,
          warnings: [
            { ref: null, message: 'The plan has 2 actions with the same reference' },
            { ref: document[1].ref, message: 'timescale "soonish" was not understood' },
          ],
        },
      }),
      page: 0,
      timezone: 'Europe/London',
      people,
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Please check first: 1 problem');
    expect(text.indexOf('same reference')).toBeLessThan(text.indexOf(`Action ${document[0].ref}`));
    const rowAt = text.indexOf(`Action ${document[1].ref}`);
    const warningAt = text.indexOf('soonish');
    expect(warningAt).toBeGreaterThan(rowAt);
    expect(warningAt).toBeLessThan(text.indexOf(`Action ${document[2].ref}`));
  });

  it('shows what a re-import adds, changes and no longer has', () => {
    const stored = sampleActions;
    const changed = [
      ...document
        .slice(1)
        .map((a, i) => (i === 0 ? { ...a, timescale: 'March 2027', due: '2027-03-31' } : a)),
      { ...document[0], ref: '99' },
    ];
    const changes = comparePlan(stored, changed);
    const card = buildImportPreviewCard({
      preview: preview({ changes }, changed),
      page: 0,
      timezone: 'Europe/London',
      people,
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Check this re-import');
    expect(text).toContain('Added: 1 action (99)');
    expect(text).toContain(`Changed: 1 action: ${document[1].ref} (timescale and due date)`);
    expect(text).toContain(`No longer in the document: 1 action (${document[0].ref})`);
    expect(text).toContain('Progress already recorded');
  });

  it('stays within the size limit and shows hostile text literally', () => {
    const hostile = HOSTILE_TEXTS.map((t, i) => ({
      ...document[0],
      ref: `${i + 1}`,
      proposedAction: `${t} ${longNote(3000)}`,
      owners: [t, longNote(500)],
      timescale: longNote(400),
    }));
    const unheld = Array.from({ length: 40 }, (_, i) => ({
      owner: `Head of ${longNote(300)} ${i}`,
      kind: 'post' as const,
      refs: Array.from({ length: 100 }, (_, j) => String(j)),
    }));
    const warnings = [
      ...Array.from({ length: 50 }, () => ({ ref: null, message: longNote(2000) })),
      ...hostile.map((a) => ({ ref: a.ref, message: longNote(2000) })),
    ];
    const card = buildImportPreviewCard({
      preview: preview(
        {
          unheld,
          imported: {
            plan: { id: 'p', title: longNote(1000), date: null },
            actions: hostile,
            warnings,
          },
        },
        hostile,
      ),
      page: 0,
      timezone: 'Europe/London',
      people,
    });
    expectSoundCard(card, HOSTILE_TEXTS);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    // Fewer pickers are offered when all of them would not fit; at least some always are.
    expect(inputIdsOf(card).length).toBeGreaterThan(0);
    expect(inputIdsOf(card).length).toBeLessThanOrEqual(PREVIEW_UNHELD_LIMIT * 2);
    const plain = HOSTILE_TEXTS.find((t) => t.length < 30 && !t.includes('\n'));
    if (plain) expectLiteral(card, plain);
  });
});
