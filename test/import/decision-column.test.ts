import { readPlanBytes } from '../../src/import/read-plan-file';

const csv = (lines: string[]): Buffer => Buffer.from(lines.join('\n'), 'utf8');

describe('a column saying whether the recommendation was agreed', () => {
  it('closes the rows the executive did not agree and leaves the others to their status', async () => {
    const plan = await readPlanBytes(
      csv([
        'Scrutiny review of parking - action plan',
        'Ref,Recommendation,Agreed?,Agreed action,Lead officer,Timescale,Status',
        '1,Review permit charges,Yes,Charges reviewed in the budget,Head of Parking,March 2025,On track',
        '2,Free parking on Sundays,No,None,Head of Parking,March 2025,',
        '3,Longer loading bays,Not agreed,None,Head of Highways,June 2025,',
        '4,Resident consultation,Partially agreed,Consult two wards,Head of Parking,June 2025,',
        '5,Car club bays,N,None,Head of Parking,June 2025,In progress',
      ]),
      'parking.csv',
      { acceptWarnings: true },
    );
    expect(plan.actions.map((a) => [a.ref, a.status])).toEqual([
      ['1', 'on-track'],
      ['2', 'not-agreed'],
      ['3', 'not-agreed'],
      ['4', 'not-started'],
      ['5', 'not-agreed'],
    ]);
    // "Agreed action" is still the proposed action, not the decision.
    expect(plan.actions[0].proposedAction).toBe('Charges reviewed in the budget');
    // A status the decision overrides is named, so nothing changes unseen.
    expect(plan.warnings).toContainEqual({
      ref: '5',
      message: expect.stringContaining('"N" in the decision column') as unknown,
    });
  });
});
