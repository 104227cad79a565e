import { classifySendError } from '../../src/notify/send-errors';

/** An error shaped like the RestError botbuilder's connector client throws. */
function restError(status: number, code?: string, retryAfter?: string): Error {
  return Object.assign(new Error(`status ${status}`), {
    name: 'RestError',
    statusCode: status,
    details: code ? { error: { code, message: 'x' } } : undefined,
    response: {
      status,
      headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) },
    },
  });
}

describe('classifySendError', () => {
  it('retries throttling, precondition and gateway errors, with the Retry-After', () => {
    for (const status of [412, 429, 502, 503, 504]) {
      expect(classifySendError(restError(status)).kind).toBe('retry');
    }
    expect(classifySendError(restError(429, undefined, '3')).retryAfterMs).toBe(3000);
    expect(classifySendError(restError(503)).retryAfterMs).toBeNull();
  });

  it('treats 403 and 404 as a person who cannot be reached, with a reason in plain words', () => {
    expect(classifySendError(restError(403, 'ConversationBlockedByUser'))).toEqual(
      expect.objectContaining({
        kind: 'unreachable',
        statusCode: 403,
        code: 'ConversationBlockedByUser',
        reason: 'Has blocked the bot in Teams',
      }),
    );
    expect(classifySendError(restError(403)).reason).toBe(
      'The app is not installed for them in Teams',
    );
    expect(classifySendError(restError(403, 'BotDisabledByAdmin')).reason).toMatch(/administrator/);
    expect(classifySendError(restError(404, 'ConversationNotFound')).reason).toMatch(
      /no longer exists/,
    );
  });

  it('knows a message refused for its size, however it is said, so a smaller one can be sent', () => {
    for (const error of [
      restError(413, 'MessageSizeTooBig'),
      restError(413),
      restError(400, 'MessageSizeTooBig'),
      new Error('(MessageSizeTooBig) The request content length exceeded limit of 262144 bytes.'),
      new Error('Request Entity Too Large'),
    ]) {
      expect(classifySendError(error)).toEqual(
        expect.objectContaining({
          kind: 'too-large',
          reason: 'Teams refused the message as too large',
          retryAfterMs: null,
        }),
      );
    }
  });

  it('fails other errors without retrying them', () => {
    expect(classifySendError(restError(400, 'BadArgument'))).toEqual(
      expect.objectContaining({ kind: 'failed', statusCode: 400, reason: 'Teams answered 400' }),
    );
    expect(classifySendError(restError(401)).kind).toBe('failed');
    expect(classifySendError('odd').reason).toMatch(/odd/);
  });

  it('retries when the connection was refused, so nothing can have been sent', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'REQUEST_SEND_ERROR',
    });
    expect(classifySendError(refused)).toEqual(
      expect.objectContaining({ kind: 'retry', statusCode: null }),
    );
  });

  it.each([
    ['a connection reset before any answer', { code: 'ECONNRESET', message: 'socket hang up' }],
    ['a socket closed by the other side', { code: 'UND_ERR_SOCKET', message: 'other side closed' }],
    ['a timed-out request', { code: 'ETIMEDOUT', message: 'connect ETIMEDOUT' }],
    ['an aborted request', { name: 'AbortError', message: 'The operation was aborted.' }],
    ['a bare hang-up', { message: 'socket hang up' }],
  ])('retries %s, with the same backoff as a 429 (no Retry-After)', (_name, fields) => {
    const error = Object.assign(new Error(fields.message), fields);
    expect(classifySendError(error)).toEqual({
      kind: 'retry',
      statusCode: null,
      code: 'code' in fields ? fields.code : null,
      reason: 'The connection to Teams dropped before it answered',
      retryAfterMs: null,
    });
  });
});
