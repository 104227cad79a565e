import { canReadSummaries, canUpdate, ownsAction } from '../../src/domain/permissions';

const action = { owners: ['Head of Marketing and Communications', 'Head of Democratic Services'] };

describe('permissions', () => {
  it('lets holders of an owner post, or an admin, update', () => {
    expect(canUpdate({ posts: ['head of democratic  services'], roles: ['officer'] }, action)).toBe(
      true,
    );
    expect(canUpdate({ posts: ['Head of Finance'], roles: ['officer'] }, action)).toBe(false);
    expect(canUpdate({ posts: [], roles: ['admin'] }, action)).toBe(true);
    expect(canUpdate({ posts: [], roles: ['chair', 'head'] }, action)).toBe(false);
    expect(ownsAction({ posts: ['Head of Democratic Services'] }, { owners: [] })).toBe(false);
  });

  it('lets chairs, heads and admins read summaries', () => {
    expect(canReadSummaries({ roles: ['chair'] })).toBe(true);
    expect(canReadSummaries({ roles: ['head'] })).toBe(true);
    expect(canReadSummaries({ roles: ['admin'] })).toBe(true);
    expect(canReadSummaries({ roles: ['officer'] })).toBe(false);
  });
});
