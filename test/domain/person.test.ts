import { emailKey, pickerPeople } from '../../src/domain/person';

describe('emailKey', () => {
  it('trims and lower-cases, so the same address always finds the same person', () => {
    expect(emailKey('  Sam.Smith@Council.GOV.uk ')).toBe('sam.smith@council.gov.uk');
    expect(emailKey('sam.smith@council.gov.uk')).toBe('sam.smith@council.gov.uk');
  });

  it('is idempotent', () => {
    const once = emailKey('\tJo@X.Example\n');
    expect(emailKey(once)).toBe(once);
  });
});

describe('pickerPeople', () => {
  it('keeps name and email only, in name order, without changing the list given', () => {
    const people = [
      { name: 'Zoë Adams', email: 'zoe@example.com', posts: ['HoF'] },
      { name: 'adele Vance', email: 'adele@example.com', posts: [] },
      { name: 'Émile Brown', email: 'emile@example.com', posts: [] },
    ];
    expect(pickerPeople(people)).toEqual([
      { name: 'adele Vance', email: 'adele@example.com' },
      { name: 'Émile Brown', email: 'emile@example.com' },
      { name: 'Zoë Adams', email: 'zoe@example.com' },
    ]);
    expect(people[0].name).toBe('Zoë Adams');
  });
});
