import { RestError } from '@azure/data-tables';
import {
  ConflictError,
  isUnreachable,
  StorageUnavailableError,
  translateStorageError,
} from '../../src/storage/errors';

describe('storage errors', () => {
  const abort = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });

  it.each([
    ['a refused connection', new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' })],
    ['a reset connection', new RestError('socket hang up', { code: 'ECONNRESET' })],
    ['a request the SDK gave up waiting for', abort],
    ['a server error left after retries', new RestError('Server Busy', { statusCode: 503 })],
    ['a gateway timeout', new RestError('timeout', { statusCode: 408 })],
    ['a transport error without a status', new RestError('send failed')],
  ])('counts %s as storage being unavailable', (_name, error) => {
    expect(isUnreachable(error)).toBe(true);
    expect(translateStorageError(error, 'action 4')).toBeInstanceOf(StorageUnavailableError);
  });

  it.each([
    ['a missing entity', new RestError('Not Found', { statusCode: 404 })],
    ['a rejected request', new RestError('Bad Request', { statusCode: 400 })],
    ['a duplicate', new RestError('Conflict', { statusCode: 409 })],
    ['a programming error', new TypeError('x is undefined')],
  ])('does not count %s as storage being unavailable', (_name, error) => {
    expect(isUnreachable(error)).toBe(false);
    expect(translateStorageError(error, 'action 4')).toBe(error);
  });

  it('turns a stale version into a conflict', () => {
    const error = translateStorageError(new RestError('Precondition', { statusCode: 412 }), 'x');
    expect(error).toBeInstanceOf(ConflictError);
  });
});
