import { countByStatus, STATUSES } from '../../src/domain/status';

describe('countByStatus', () => {
  it('counts each status, with every status present and zero where none', () => {
    const counts = countByStatus([
      { status: 'complete' },
      { status: 'at-risk' },
      { status: 'complete' },
    ]);
    expect(Object.keys(counts).sort()).toEqual([...STATUSES].sort());
    expect(counts.complete).toBe(2);
    expect(counts['at-risk']).toBe(1);
    expect(counts['on-track']).toBe(0);
  });

  it('gives all zeros for no actions', () => {
    expect(Object.values(countByStatus([])).every((n) => n === 0)).toBe(true);
  });
});
