import { cardCases } from './card-cases';
import { ofType } from './card-checks';

/** Each line of a card as read: the runs of every RichTextBlock joined. */
function lines(card: unknown): string[] {
  return ofType(card, 'RichTextBlock').map((block) =>
    (block.inlines as { text: string }[]).map((run) => run.text).join(''),
  );
}

describe('the sample cards tell one consistent story', () => {
  const cases = cardCases();

  it.each(cases.filter((c) => c.name === 'nudge').map((c) => [c.worst ? 'worst' : 'typical', c]))(
    'the %s prompt gives each action a reason that agrees with its dates',
    (_name, { card }) => {
      const reasons = lines(card).filter((l) =>
        /^(Overdue|Due today|Due soon|No update for a while)\b/.test(l),
      );
      expect(reasons.length).toBeGreaterThan(0);
      for (const line of reasons) {
        if (line.startsWith('Overdue')) expect(line).toMatch(/ late$/);
        else expect(line).not.toMatch(/ late$/);
        if (line.startsWith('Due soon')) expect(line).toMatch(/due in \d+ days$/);
        if (line.startsWith('Due today')) expect(line).not.toMatch(/No date/);
      }
    },
  );

  it('the typical prompt has an overdue action, one due today and one due soon', () => {
    const nudge = cases.find((c) => c.name === 'nudge' && !c.worst)!;
    const reasons = lines(nudge.card).map((l) => l.split(' · ')[0]);
    expect(reasons).toEqual(expect.arrayContaining(['Overdue', 'Due today', 'Due soon']));
  });
});
