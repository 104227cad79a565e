import type { Response } from 'restify';
import type { BodyRefusal } from './read-body';

/** Sends a refused body's status and message, closing the connection. */
export function sendRefusal(res: Response, refusal: BodyRefusal): void {
  // A refused body may be partly unread: closing the connection stops the client sending more.
  res.setHeader('Connection', 'close');
  if (refusal.status === 415) res.setHeader('Accept-Encoding', 'identity');
  res.send(refusal.status, { error: refusal.error });
}
