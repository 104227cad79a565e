import { buildNoticeCard } from '../../src/cards/notice-card';
import { HOSTILE_TEXTS, longNote } from '../support/sample-data';
import { expectLiteral, expectSoundCard, visibleText } from './card-checks';

describe('notice card', () => {
  it('shows a title and lines in the given style', () => {
    const card = buildNoticeCard({
      title: 'Saved',
      lines: ['Action 4 is now On track.', 'Your note was recorded.'],
      style: 'good',
    });
    expectSoundCard(card);
    expect((card.body as Record<string, unknown>[])[0]).toMatchObject({
      type: 'Container',
      style: 'good',
    });
    expect(visibleText(card)).toBe('Saved\nAction 4 is now On track.\nYour note was recorded.');
  });

  it('shows text literally and stays small with many long lines', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const card = buildNoticeCard({
        title: `Title ${hostile}`,
        lines: [`Line ${hostile}`],
        style: 'attention',
      });
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Title ${hostile}`);
      expectLiteral(card, `Line ${hostile}`);
    }
    const card = buildNoticeCard({
      title: 'Problems',
      lines: Array(40).fill(longNote(4000)),
      style: 'warning',
    });
    expectSoundCard(card);
    expect(visibleText(card)).toContain('…and 25 more.');
  });
});
