import type { Action, ActionUpdate } from '../../src/domain/action';
import {
  RECENT_HISTORY_KEEP,
  RECENT_SHOW_MS,
  RecentActions,
} from '../../src/storage/recent-actions';
import { sampleAction, samplePlan, sampleUpdate } from '../support/sample-data';

const PLAN = samplePlan.id;

function action(ref: string, version: string, fields: Partial<Action> = {}): Action {
  return { ...sampleAction(ref), version, ...fields };
}

function update(ref: string, id: string, at: string): ActionUpdate {
  return sampleUpdate(ref, { id, at, statusTo: 'on-track', note: `Note ${id}` });
}

const at = (minute: number) => `2026-11-30T09:${String(minute).padStart(2, '0')}:00.000Z`;

describe('RecentActions', () => {
  it('answers only for the version asked about', () => {
    const recent = new RecentActions();
    recent.rememberAction(action('1', 'v1'), recent.ticket());
    expect(recent.action(PLAN, '1', 'v1')?.version).toBe('v1');
    expect(recent.action(PLAN, '1', 'v2')).toBeUndefined();
    expect(recent.action(PLAN, '2', 'v1')).toBeUndefined();
    expect(recent.action('other-plan', '1', 'v1')).toBeUndefined();
  });

  it('keeps the history only for the version it was read at', () => {
    const recent = new RecentActions();
    recent.rememberAction(action('1', 'v1'), recent.ticket());
    recent.rememberHistory(PLAN, '1', 'v1', [update('1', 'a', at(1)), update('1', 'b', at(2))]);
    expect(recent.history(PLAN, '1', 'v1', 5)?.map((u) => u.id)).toEqual(['b', 'a']);
    expect(recent.history(PLAN, '1', 'v2', 5)).toBeUndefined();
    // Read again at another version (changed elsewhere): the history no longer holds.
    recent.rememberAction(action('1', 'v2'), recent.ticket());
    expect(recent.history(PLAN, '1', 'v2', 5)).toBeUndefined();
    expect(recent.action(PLAN, '1', 'v1')).toBeUndefined();
  });

  it('ignores a history read for a version it has since seen replaced', () => {
    const recent = new RecentActions();
    recent.rememberAction(action('1', 'v2'), recent.ticket());
    recent.rememberHistory(PLAN, '1', 'v1', [update('1', 'a', at(1))]);
    expect(recent.history(PLAN, '1', 'v1', 5)).toBeUndefined();
    expect(recent.history(PLAN, '1', 'v2', 5)).toBeUndefined();
    expect(recent.action(PLAN, '1', 'v2')?.version).toBe('v2');
  });

  it('puts a write on top of the history it was made over', () => {
    const recent = new RecentActions();
    recent.rememberAction(action('1', 'v1'), recent.ticket());
    recent.rememberHistory(PLAN, '1', 'v1', [update('1', 'a', at(1))]);
    const written = action('1', 'v2', { lastNote: 'Note b' });
    recent.rememberWrite('v1', written, update('1', 'b', at(2)));
    expect(recent.action(PLAN, '1', 'v2')?.lastNote).toBe('Note b');
    expect(recent.action(PLAN, '1', 'v1')).toBeUndefined();
    expect(recent.history(PLAN, '1', 'v2', 5)?.map((u) => u.id)).toEqual(['b', 'a']);
  });

  it('counts an update once when the history was read just after it was written', () => {
    const recent = new RecentActions();
    recent.rememberAction(action('1', 'v1'), recent.ticket());
    const b = update('1', 'b', at(2));
    recent.rememberHistory(PLAN, '1', 'v1', [update('1', 'a', at(1)), b]);
    recent.rememberWrite('v1', action('1', 'v2'), b);
    expect(recent.history(PLAN, '1', 'v2', 5)?.map((u) => u.id)).toEqual(['b', 'a']);
  });

  it('knows no history after a write over a version whose history it did not hold', () => {
    const recent = new RecentActions();
    recent.rememberAction(action('1', 'v1'), recent.ticket());
    recent.rememberWrite('v1', action('1', 'v2'), update('1', 'b', at(2)));
    expect(recent.action(PLAN, '1', 'v2')?.version).toBe('v2');
    expect(recent.history(PLAN, '1', 'v2', 1)).toBeUndefined();
  });

  it('answers for as many updates as it is sure of, and no more', () => {
    const recent = new RecentActions();
    const many = Array.from({ length: RECENT_HISTORY_KEEP + 5 }, (_, i) =>
      update('1', `u${String(i).padStart(2, '0')}`, at(i)),
    );
    recent.rememberHistory(PLAN, '1', 'v1', many);
    expect(recent.history(PLAN, '1', 'v1', RECENT_HISTORY_KEEP)).toHaveLength(RECENT_HISTORY_KEEP);
    // More than it keeps: it cannot say, so the caller reads.
    expect(recent.history(PLAN, '1', 'v1', RECENT_HISTORY_KEEP + 1)).toBeUndefined();
    // A short history read in full answers any limit.
    recent.rememberHistory(PLAN, '2', 'v1', [update('2', 'a', at(1))]);
    expect(recent.history(PLAN, '2', 'v1', 50)?.map((u) => u.id)).toEqual(['a']);
  });

  it('orders updates newest first, the same instant by id', () => {
    const recent = new RecentActions();
    recent.rememberHistory(PLAN, '1', 'v1', [
      update('1', 'b', at(1)),
      update('1', 'c', at(3)),
      update('1', 'a', at(1)),
    ]);
    expect(recent.history(PLAN, '1', 'v1', 3)?.map((u) => u.id)).toEqual(['c', 'a', 'b']);
  });

  it('shows an action again for a minute after reading or writing it, then not at all', () => {
    let clock = 1_000;
    const recent = new RecentActions({ clock: () => clock });
    recent.rememberAction(action('1', 'v1'), recent.ticket());
    clock += RECENT_SHOW_MS - 1;
    expect(recent.shown(PLAN, '1')?.version).toBe('v1');
    clock += 1;
    expect(recent.shown(PLAN, '1')).toBeUndefined();
    // Still good for a write guarded by its version: that never depends on its age.
    expect(recent.action(PLAN, '1', 'v1')?.version).toBe('v1');
    recent.rememberWrite('v1', action('1', 'v2'), update('1', 'b', at(2)));
    expect(recent.shown(PLAN, '1')?.version).toBe('v2');
  });

  it('does not keep a read that began before this instance wrote the action', () => {
    const recent = new RecentActions();
    recent.rememberAction(action('1', 'v1'), recent.ticket());
    const ticket = recent.ticket(); // a read begins...
    recent.rememberWrite('v1', action('1', 'v2'), update('1', 'b', at(2)));
    recent.rememberAction(action('1', 'v1'), ticket); // ...and ends with what it saw before
    expect(recent.shown(PLAN, '1')?.version).toBe('v2');
    expect(recent.action(PLAN, '1', 'v1')).toBeUndefined();
  });

  it('does not keep a read that began before the action was forgotten', () => {
    const recent = new RecentActions();
    const ticket = recent.ticket();
    recent.forget(PLAN, '1'); // say, an import rewrote it meanwhile
    recent.rememberAction(action('1', 'v1'), ticket);
    expect(recent.shown(PLAN, '1')).toBeUndefined();
    expect(recent.action(PLAN, '1', 'v1')).toBeUndefined();
    // A read begun after is kept.
    recent.rememberAction(action('1', 'v2'), recent.ticket());
    expect(recent.shown(PLAN, '1')?.version).toBe('v2');
  });

  it('forgets an action on request', () => {
    const recent = new RecentActions();
    recent.rememberAction(action('1', 'v1'), recent.ticket());
    recent.forget(PLAN, '1');
    expect(recent.action(PLAN, '1', 'v1')).toBeUndefined();
    expect(recent.shown(PLAN, '1')).toBeUndefined();
  });

  it('holds at most its limit, dropping the least recently used', () => {
    const recent = new RecentActions({ maxEntries: 3 });
    for (const ref of ['1', '2', '3']) recent.rememberAction(action(ref, 'v1'), recent.ticket());
    expect(recent.action(PLAN, '1', 'v1')).toBeDefined(); // 1 is now the most recent
    recent.rememberAction(action('4', 'v1'), recent.ticket());
    expect(recent.size).toBe(3);
    expect(recent.action(PLAN, '2', 'v1')).toBeUndefined();
    expect(recent.action(PLAN, '1', 'v1')).toBeDefined();
    expect(recent.action(PLAN, '4', 'v1')).toBeDefined();
  });
});
