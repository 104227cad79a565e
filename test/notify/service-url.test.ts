import { knownServiceUrl } from '../../src/notify/service-url';
import { samplePerson } from '../support/sample-data';

describe('the service URL for new chats', () => {
  it('starts new chats at the service URL of a stored conversation, preferring the tenant', () => {
    const people = [
      samplePerson('a@x.example'),
      samplePerson('b@x.example', {
        tenantId: 't2',
        conversationReference: { serviceUrl: 'https://two/' },
      }),
      samplePerson('c@x.example', {
        tenantId: 't1',
        conversationReference: { serviceUrl: 'https://one/' },
      }),
    ];
    expect(knownServiceUrl(people, 't1')).toBe('https://one/');
    expect(knownServiceUrl(people, 't9')).toBe('https://two/');
    expect(knownServiceUrl(people)).toBe('https://two/');
    expect(knownServiceUrl([samplePerson('a@x.example')])).toBeUndefined();
  });
});
