import { normalisePost, samePost, splitOwners } from '../../src/domain/owners';

describe('splitOwners', () => {
  describe('the real plan', () => {
    it.each([
      ['Head of Marketing and Communications', ['Head of Marketing and Communications']],
      [
        'Head of Marketing and Communications Head of Democratic Services',
        ['Head of Marketing and Communications', 'Head of Democratic Services'],
      ],
      ['Head of Democratic Services', ['Head of Democratic Services']],
      // Row 4 wraps over two lines: joined with a space, and as the importer hands it over.
      [
        'Head of Marketing and Communications and Head of Democratic Services',
        ['Head of Marketing and Communications', 'Head of Democratic Services'],
      ],
      [
        'Head of Marketing and Communications and Head of\nDemocratic Services',
        ['Head of Marketing and Communications', 'Head of Democratic Services'],
      ],
    ])('%j', (cell, owners) => {
      expect(splitOwners(cell)).toEqual(owners);
      // The people directory knowing the posts changes nothing.
      expect(
        splitOwners(cell, ['Head of Democratic Services', 'Head of Marketing and Communications']),
      ).toEqual(owners);
    });
  });

  describe('by pattern', () => {
    it.each([
      ['Chief Executive / Monitoring Officer', ['Chief Executive', 'Monitoring Officer']],
      ['Chief Executive/Monitoring Officer', ['Chief Executive', 'Monitoring Officer']],
      ['Director of Finance; Head of Audit', ['Director of Finance', 'Head of Audit']],
      ['Head of HR & OD, Chief Executive', ['Head of HR & OD', 'Chief Executive']],
      ['Head of HR & OD', ['Head of HR & OD']],
      ['Head of HR/OD', ['Head of HR/OD']],
      ['LT/BR', ['LT', 'BR']],
      ['Policy Officer/Scrutiny Officer', ['Policy Officer', 'Scrutiny Officer']],
      ['Facilities Management & Waste', ['Facilities Management & Waste']],
      [
        'Head of Planning, Regeneration and Housing',
        ['Head of Planning, Regeneration and Housing'],
      ],
      ['Chief Executive\nHead of Finance', ['Chief Executive', 'Head of Finance']],
      ['Chief Executive\r\nFinance Manager', ['Chief Executive', 'Finance Manager']],
      ['Head of Democratic\nServices', ['Head of Democratic Services']],
      ['Head of Marketing and\nCommunications', ['Head of Marketing and Communications']],
      ['Head of Marketing\nand Communications', ['Head of Marketing and Communications']],
      ['Chief Executive and\nHead of Finance', ['Chief Executive', 'Head of Finance']],
      ['Director of Place and Chief Executive', ['Director of Place', 'Chief Executive']],
      ['Head of Finance & Head of Audit', ['Head of Finance', 'Head of Audit']],
      ['Head of Finance Director of Resources', ['Head of Finance', 'Director of Resources']],
      ['Assistant Director of Finance', ['Assistant Director of Finance']],
      ['Deputy Director of Finance', ['Deputy Director of Finance']],
      ['Deputy Chief Executive', ['Deputy Chief Executive']],
      ['Head of Finance Acting Head of Audit', ['Head of Finance', 'Acting Head of Audit']],
      ['Head of Finance and Deputy Chief Executive', ['Head of Finance', 'Deputy Chief Executive']],
      ['PA to the Chief Executive', ['PA to the Chief Executive']],
      ['Chief Executive and the Monitoring Officer', ['Chief Executive', 'Monitoring Officer']],
      ['Head of Finance (Section 151 Officer)', ['Head of Finance (Section 151 Officer)']],
      ['Head of Legal Section 151 Officer', ['Head of Legal', 'Section 151 Officer']],
      ['Housing Services Manager', ['Housing Services Manager']],
      ['Head of Housing and Service Manager', ['Head of Housing', 'Service Manager']],
      ['Communications Manager, Team Leader', ['Communications Manager', 'Team Leader']],
      ['Chief Executive Lead Officer', ['Chief Executive Lead Officer']],
      ['Corporate Director Strategic Director', ['Corporate Director', 'Strategic Director']],
      [
        'Executive Director of Place Cabinet Member for Housing',
        ['Executive Director of Place', 'Cabinet Member for Housing'],
      ],
      ['Leader of the Council, Chair of Scrutiny', ['Leader of the Council', 'Chair of Scrutiny']],
      ['Head of Governance Clerk to the Council', ['Head of Governance', 'Clerk to the Council']],
      ['Parish Clerk', ['Parish Clerk']],
      ['Finance Director', ['Finance Director']],
      ['Chief Officer Monitoring Officer', ['Chief Officer', 'Monitoring Officer']],
      ['Head of Audit • Head of Risk', ['Head of Audit', 'Head of Risk']],
      ['Head of Audit | Head of Risk', ['Head of Audit', 'Head of Risk']],
    ])('%j', (cell, owners) => {
      expect(splitOwners(cell)).toEqual(owners);
    });
  });

  describe('tidying', () => {
    it.each([
      ['', []],
      ['   ', []],
      ['N/A', []],
      ['-', []],
      ['  Head   of  Audit.  ', ['Head of Audit']],
      ['Head of Audit;', ['Head of Audit']],
      ['Head of Audit; ; Head of Risk', ['Head of Audit', 'Head of Risk']],
      ['Head of Audit\n\nHead of Risk', ['Head of Audit', 'Head of Risk']],
      ['Head of Audit, Head of Audit', ['Head of Audit']],
      ['Head of Audit; head of audit', ['Head of Audit']],
      ['Head of Risk; Head of Audit; Head of Risk', ['Head of Risk', 'Head of Audit']],
      ['and Head of Audit and', ['Head of Audit']],
    ])('%j', (cell, owners) => {
      expect(splitOwners(cell)).toEqual(owners);
    });
  });

  describe('with the people directory’s posts', () => {
    it('uses the directory’s spelling', () => {
      expect(splitOwners('head of democratic  services', ['Head of Democratic Services'])).toEqual([
        'Head of Democratic Services',
      ]);
    });

    it('splits posts the patterns cannot see', () => {
      const known = ['Democratic Services Manager', 'Communications Lead'];
      expect(splitOwners('Communications Lead Democratic Services Manager', known)).toEqual([
        'Communications Lead',
        'Democratic Services Manager',
      ]);
      expect(splitOwners('Communications Lead and Democratic Services Manager', known)).toEqual([
        'Communications Lead',
        'Democratic Services Manager',
      ]);
    });

    it('matches the longest known post first', () => {
      expect(
        splitOwners('Head of Marketing and Communications', [
          'Head of Marketing',
          'Head of Marketing and Communications',
        ]),
      ).toEqual(['Head of Marketing and Communications']);
    });

    it('does not take part of a longer title for a known post', () => {
      expect(splitOwners('Head of Marketing and Communications', ['Head of Marketing'])).toEqual([
        'Head of Marketing and Communications',
      ]);
      expect(splitOwners('Assistant Director of Finance', ['Director of Finance'])).toEqual([
        'Assistant Director of Finance',
      ]);
      expect(splitOwners('Head of Finance (Section 151 Officer)', ['Section 151 Officer'])).toEqual(
        ['Head of Finance (Section 151 Officer)'],
      );
    });

    it('treats "&" and "and" as the same word', () => {
      expect(splitOwners('Head of HR and OD Chief Executive', ['Head of HR & OD'])).toEqual([
        'Head of HR & OD',
        'Chief Executive',
      ]);
    });

    it('mixes known posts with posts found by pattern, in the order written', () => {
      expect(
        splitOwners('Head of Audit, Communications Lead and Head of Risk', ['Communications Lead']),
      ).toEqual(['Head of Audit', 'Communications Lead', 'Head of Risk']);
    });

    it('ignores blank known posts', () => {
      expect(splitOwners('Head of Audit', ['', '  '])).toEqual(['Head of Audit']);
    });
  });
});

describe('normalisePost', () => {
  it.each([
    ['  Head   of\tAudit  ', 'Head of Audit'],
    ['Head of Audit.', 'Head of Audit'],
    ['Head of Audit,;', 'Head of Audit'],
    ['Head of Audit /', 'Head of Audit'],
    ['- Head of Audit', 'Head of Audit'],
    ['Head of Finance (S151)', 'Head of Finance (S151)'],
    ['Head of HR & OD', 'Head of HR & OD'],
    ['', ''],
  ])('%j → %j', (post, expected) => {
    expect(normalisePost(post)).toBe(expected);
  });
});

describe('samePost', () => {
  it.each([
    ['Head of Audit', 'head of audit', true],
    ['Head of  Audit ', 'Head of Audit', true],
    ['Head of Audit.', 'Head of Audit', true],
    ['Head of HR & OD', 'Head of HR and OD', true],
    ['Head of Audit', 'Head of Risk', false],
    ['Head of Audit', 'Deputy Head of Audit', false],
  ])('%j and %j → %s', (a, b, same) => {
    expect(samePost(a, b)).toBe(same);
  });
});
