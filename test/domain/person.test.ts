import { emailKey } from '../../src/domain/person';

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
