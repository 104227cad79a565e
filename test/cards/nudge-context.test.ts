import { encodeNudgeContext, parseNudgeContext } from '../../src/cards/nudge-context';

describe('the list a nudge card carries in its Update buttons', () => {
  const context = {
    items: [
      { planId: 'members-communications', ref: '4', reason: 'overdue' as const, saved: false },
      { planId: 'audit-2025', ref: 'R1.12 | a~b', reason: 'due-soon' as const, saved: true },
      { planId: 'members-communications', ref: '5', reason: 'no-update' as const, saved: false },
    ],
    more: 12,
  };

  it('reads back what it wrote, refs with any characters included', () => {
    const text = encodeNudgeContext(context);
    expect(text).toBe(
      'n2:12:members-communications,audit-2025:0~4~o|1~R1.12%20%7C%20a%7Eb~S|0~5~n',
    );
    expect(parseNudgeContext(text)).toEqual(context);
  });

  it('names each plan once, however many of its actions the card shows', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      planId: 'ad-hoc-scrutiny-panel-members-communications-action-plan',
      ref: String(i + 1),
      reason: 'overdue' as const,
      saved: false,
    }));
    const text = encodeNudgeContext({ items, more: 190 });
    expect(text.match(/ad-hoc-scrutiny/g)).toHaveLength(1);
    expect(text.length).toBeLessThan(150);
    expect(parseNudgeContext(text)).toEqual({ items, more: 190 });
  });

  it('still reads the first format, carried by cards already sent', () => {
    expect(
      parseNudgeContext('n1:12:members-communications~4~o|audit-2025~R1.12%20%7C%20a%7Eb~S'),
    ).toEqual({ items: context.items.slice(0, 2), more: 12 });
  });

  it.each([
    ['missing', undefined],
    ['not text', 42],
    ['another format', 'x1:0:plan~4~o'],
    ['an unknown reason', 'n2:0:plan:0~4~z'],
    ['a bad plan id', 'n2:0:Plan!:0~4~o'],
    ['a plan not in its list', 'n2:0:plan:1~4~o'],
    ['a plan index that is not a number', 'n2:0:plan:x~4~o'],
    ['a broken escape', 'n2:0:plan:0~%E0%A4%A~o'],
    ['no actions', 'n2:0:plan:'],
    ['too long', `n2:0:plan:${'0~4~o|'.repeat(600)}0~4~o`],
    ['an unknown reason (first format)', 'n1:0:plan~4~z'],
    ['a bad plan id (first format)', 'n1:0:Plan!~4~o'],
    ['no actions (first format)', 'n1:0:'],
  ])('refuses a context %s', (_name, text) => {
    expect(parseNudgeContext(text)).toBeNull();
  });
});
