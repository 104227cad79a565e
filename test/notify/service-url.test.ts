import type { Person } from '../../src/domain/person';
import { knownServiceUrl } from '../../src/notify/service-url';

function person(email: string, fields: Partial<Person> = {}): Person {
  return {
    email,
    name: email.split('@')[0],
    posts: [],
    service: null,
    roles: ['officer'],
    aadObjectId: null,
    teamsUserId: null,
    tenantId: null,
    conversationReference: null,
    unreachable: null,
    snoozes: {},
    version: '',
    ...fields,
  };
}

describe('the service URL for new chats', () => {
  it('starts new chats at the service URL of a stored conversation, preferring the tenant', () => {
    const people = [
      person('a@x.example'),
      person('b@x.example', {
        tenantId: 't2',
        conversationReference: { serviceUrl: 'https://two/' },
      }),
      person('c@x.example', {
        tenantId: 't1',
        conversationReference: { serviceUrl: 'https://one/' },
      }),
    ];
    expect(knownServiceUrl(people, 't1')).toBe('https://one/');
    expect(knownServiceUrl(people, 't9')).toBe('https://two/');
    expect(knownServiceUrl(people)).toBe('https://two/');
    expect(knownServiceUrl([person('a@x.example')])).toBeUndefined();
  });
});
