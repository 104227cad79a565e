import { personalViewIds } from '../../src/domain/card-audience';

const who = (teamsUserId: string | null) => ({ teamsUserId });

describe('who sees their own view of a shared card at once', () => {
  it('puts the asker first, then those who may act, each once, skipping people without ids', () => {
    expect(
      personalViewIds(who('29:a'), [who('29:b'), who(null), who('29:a'), who('29:c')], 60),
    ).toEqual(['29:a', '29:b', '29:c']);
  });

  it('keeps to the limit', () => {
    const many = Array.from({ length: 100 }, (_, i) => who(`29:${i}`));
    expect(personalViewIds(null, many, 60)).toHaveLength(60);
    expect(personalViewIds(who('29:asker'), many, 3)).toEqual(['29:asker', '29:0', '29:1']);
  });

  it('lists no one when no one has used the bot', () => {
    expect(personalViewIds(null, [who(null)], 60)).toEqual([]);
  });
});
