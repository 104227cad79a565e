import { encodeNudgeContext, parseNudgeContext } from '../../src/cards/nudge-context';

describe('the list a nudge card carries in its Update buttons', () => {
  it('reads back what it wrote, refs with any characters included', () => {
    const context = {
      items: [
        { planId: 'members-communications', ref: '4', reason: 'overdue' as const, saved: false },
        { planId: 'audit-2025', ref: 'R1.12 | a~b', reason: 'due-soon' as const, saved: true },
      ],
      more: 12,
    };
    const text = encodeNudgeContext(context);
    expect(text).toBe('n1:12:members-communications~4~o|audit-2025~R1.12%20%7C%20a%7Eb~S');
    expect(parseNudgeContext(text)).toEqual(context);
  });

  it.each([
    ['missing', undefined],
    ['not text', 42],
    ['another format', 'x1:0:plan~4~o'],
    ['an unknown reason', 'n1:0:plan~4~z'],
    ['a bad plan id', 'n1:0:Plan!~4~o'],
    ['a broken escape', 'n1:0:plan~%E0%A4%A~o'],
    ['no actions', 'n1:0:'],
    ['too long', `n1:0:${'plan~4~o|'.repeat(400)}plan~4~o`],
  ])('refuses a context %s', (_name, text) => {
    expect(parseNudgeContext(text)).toBeNull();
  });
});
