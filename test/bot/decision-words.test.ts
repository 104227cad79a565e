import { readReopen, readRefsAndPlan } from '../../src/bot/commands/decision-words';

describe('reading sign-off and reopening requests', () => {
  it.each([
    ['rec 3 on the comms plan', { refs: ['3'], plan: 'comms' }],
    ['1, 3 and 5', { refs: ['1', '3', '5'], plan: '' }],
    [
      'recs 1, 3 & 5 on members communications',
      { refs: ['1', '3', '5'], plan: 'members communications' },
    ],
    ['members-communications 1 3', { refs: ['1', '3'], plan: 'members-communications' }],
    ['members communications 4', { refs: ['4'], plan: 'members communications' }],
    ['R2.3 and R2.4 for the audit action plan', { refs: ['R2.3', 'R2.4'], plan: 'audit' }],
    ['action 4.', { refs: ['4'], plan: '' }],
  ])('reads "sign off %s"', (text, expected) => {
    expect(readRefsAndPlan(text)).toEqual(expected);
  });

  it.each(['expected next week', 'the paper went to cabinet', ''])(
    'leaves "sign off %s" alone: no references',
    (text) => {
      expect(readRefsAndPlan(text)).toBeNull();
    },
  );

  it.each([
    [
      'members-communications 4 Not yet to Council',
      { ref: '4', plan: 'members-communications', comment: 'Not yet to Council' },
    ],
    [
      'rec 3 on the comms plan: please confirm the training happened',
      { ref: '3', plan: 'comms', comment: 'please confirm the training happened' },
    ],
    ['3: not finished', { ref: '3', plan: '', comment: 'not finished' }],
  ])('reads "reopen %s"', (text, expected) => {
    expect(readReopen(text)).toEqual(expected);
  });

  it('needs a comment to reopen', () => {
    expect(readReopen('members-communications 4')).toBeNull();
    expect(readReopen('rec 4 on the comms plan')).toBeNull();
  });
});
