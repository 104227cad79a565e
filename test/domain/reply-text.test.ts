import { mentionedRefs, sameRef, smallTalkOf } from '../../src/domain/reply-text';

describe('smallTalkOf', () => {
  it.each([
    ['thanks', 'thanks'],
    ['Thanks!', 'thanks'],
    ['Thank you very much', 'thanks'],
    ['cheers', 'thanks'],
    ['ok thanks', 'thanks'],
    ['Thanks for the reminder', 'thanks'],
    ['Many thanks.', 'thanks'],
    ['ok', 'acknowledgement'],
    ['OK.', 'acknowledgement'],
    ['Will do', 'acknowledgement'],
    ['noted', 'acknowledgement'],
    ['Good morning', 'acknowledgement'],
    ['👍', 'acknowledgement'],
    ['?', 'acknowledgement'],
  ])('reads %j as %s', (text, expected) => {
    expect(smallTalkOf(text)).toBe(expected);
  });

  it.each([
    'done',
    'Done, thanks',
    'ok, done',
    'thanks – slipped to June',
    'All good',
    'Framework delayed until March',
    'Thanks for the reminder, the committee meets in March to agree it',
  ])('leaves news alone: %j', (text) => {
    expect(smallTalkOf(text)).toBeNull();
  });

  it('has nothing to say about empty text', () => {
    expect(smallTalkOf('')).toBeNull();
    expect(smallTalkOf('   ')).toBeNull();
  });

  it('reads long strings of filler words as news, not chat', () => {
    expect(smallTalkOf('ok ok ok ok ok ok ok ok ok')).toBeNull();
  });
});

describe('mentionedRefs', () => {
  it.each([
    ['Action 4 is done', ['4']],
    ['Framework for action 4 delayed', ['4']],
    ['actions 2 and 4 are complete', ['2', '4']],
    ['Actions 2, 3 & 4 on track', ['2', '3', '4']],
    ['Recommendation R2.3: agreed by Cabinet', ['r2.3']],
    ['action no. 12 slipped', ['12']],
    ['#4 done, #2 delayed', ['4', '2']],
    ['Re action 4. Done.', ['4']],
    ['action 4; also action 4 again', ['4']],
  ])('finds the references in %j', (text, refs) => {
    expect(mentionedRefs(text)).toEqual(refs);
  });

  it.each([
    'Delayed 4 weeks',
    'Slipped to 31/03/2027',
    'The action plan went to committee on 4 March',
    'Transaction 4 was reversed',
    'Budget item 2022/23',
    'Done',
  ])('finds none in %j', (text) => {
    expect(mentionedRefs(text)).toEqual([]);
  });
});

describe('sameRef', () => {
  it('compares references without regard to case or spacing', () => {
    expect(sameRef('r2.3', ' R2.3 ')).toBe(true);
    expect(sameRef('4', '14')).toBe(false);
  });
});
