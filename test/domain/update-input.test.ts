import { checkUpdate, MAX_NOTE_LENGTH } from '../../src/domain/update-input';

const today = '2026-11-25';

describe('checkUpdate', () => {
  it('accepts a status, a note and a revised date with a reason', () => {
    expect(
      checkUpdate(
        {
          status: 'at-risk',
          note: '  Draft ready  ',
          revisedDue: '2027-01-31',
          reason: 'Committee moved',
        },
        today,
      ),
    ).toEqual({
      ok: true,
      value: {
        status: 'at-risk',
        note: 'Draft ready',
        revisedDue: '2027-01-31',
        reason: 'Committee moved',
        reviewDate: null,
      },
    });
  });

  it('reads the date given with "paused" as the review date, and needs a reason', () => {
    expect(
      checkUpdate(
        { status: 'paused', revisedDue: '2027-03-01', reason: 'Waiting for the budget' },
        today,
      ),
    ).toEqual({
      ok: true,
      value: {
        status: 'paused',
        note: null,
        revisedDue: null,
        reason: 'Waiting for the budget',
        reviewDate: '2027-03-01',
      },
    });
    expect(checkUpdate({ status: 'paused' }, today)).toEqual({
      ok: false,
      problems: ['Please give a reason why the action is paused.'],
      fields: { reason: 'Please give a reason why the action is paused.' },
    });
  });

  it.each(['not-agreed', 'superseded'])('needs a reason to close an action as %s', (status) => {
    const checked = checkUpdate({ status }, today);
    expect(checked.ok).toBe(false);
    const ok = checkUpdate({ status, reason: 'Replaced by the new strategy' }, today);
    expect(ok).toEqual({
      ok: true,
      value: {
        status,
        note: null,
        revisedDue: null,
        reason: 'Replaced by the new strategy',
        reviewDate: null,
      },
    });
  });

  it.each([
    [{ status: 'finished' }, /"finished" is not a status/],
    [
      { note: 'x'.repeat(MAX_NOTE_LENGTH + 1000) },
      /Notes can be up to 4,000 characters; this one has 5,000/,
    ],
    [{ revisedDue: '31/01/2027', reason: 'r' }, /is not a date/],
    [{ revisedDue: '2027-02-30', reason: 'r' }, /is not a date/],
    [{ revisedDue: '2020-01-01', reason: 'r' }, /today or later/],
    [{ revisedDue: '2999-01-01', reason: 'r' }, /within the next 20 years/],
    [{ revisedDue: '2027-01-31' }, /give a reason/],
    [{}, /Nothing to save/],
    [{ note: '   ' }, /Nothing to save/],
  ])('refuses %j with a clear message', (request, message) => {
    const result = checkUpdate(request, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(message);
  });

  it('ignores values of the wrong type rather than crashing', () => {
    const result = checkUpdate({ status: 42, note: { evil: true }, revisedDue: [] }, today);
    expect(result.ok).toBe(false);
  });

  it('keeps each problem against its field, so a card can show it beside the input', () => {
    const result = checkUpdate(
      { status: 'sideways', note: 'n'.repeat(4001), revisedDue: '2020-01-01' },
      today,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields).sort()).toEqual(['note', 'reason', 'revisedDue', 'status']);
    expect(result.fields.revisedDue).toBe('A revised date must be today or later.');
    expect(result.problems).toHaveLength(4);
  });
});
