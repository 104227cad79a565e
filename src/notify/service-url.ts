import type { Person } from '../domain/person';

/**
 * The Bot Connector URL of a stored conversation, to start new chats in the same region. Teams
 * gives each tenant a service URL; the conversations people started show which it is.
 */
export function knownServiceUrl(people: Person[], tenantId?: string | null): string | undefined {
  let any: string | undefined;
  for (const person of people) {
    const url = (person.conversationReference as { serviceUrl?: unknown } | null)?.serviceUrl;
    if (typeof url !== 'string' || url === '') continue;
    if (!tenantId || person.tenantId === tenantId) return url;
    any ??= url;
  }
  return any;
}
