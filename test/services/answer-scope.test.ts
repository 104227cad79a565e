import { countLine } from '../../src/services/answer-scope';

describe('one-line answers', () => {
  const on = "on the Members' Communications plan";
  it('says how many of how many, with one and none said properly', () => {
    expect(countLine(3, 12, on, 'overdue')).toBe(
      "3 of 12 actions on the Members' Communications plan are overdue.",
    );
    expect(countLine(1, 12, on, 'overdue')).toBe(
      "1 of 12 actions on the Members' Communications plan is overdue.",
    );
    expect(countLine(0, 12, on, 'overdue')).toBe(
      "None of the 12 actions on the Members' Communications plan are overdue.",
    );
    expect(countLine(1, 1, '', 'due by 31 December 2026', 'open')).toBe(
      'The only open action is due by 31 December 2026.',
    );
    expect(countLine(0, 0, 'for Democratic Services', 'overdue')).toBe(
      'There are no actions for Democratic Services.',
    );
  });
});
