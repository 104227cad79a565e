/** Raised when a write carried a stale version: someone else changed the record first. */
export class ConflictError extends Error {
  constructor(readonly what: string) {
    super(`${what} was changed by someone else since it was read`);
    this.name = 'ConflictError';
  }
}

/**
 * Raised when a write names a row that already exists: for an update, the same request (a
 * redelivered card action) was recorded before, so nothing was written this time.
 */
export class AlreadyRecordedError extends Error {
  constructor(readonly what: string) {
    super(`${what} was already recorded`);
    this.name = 'AlreadyRecordedError';
  }
}

/** Raised when Table Storage cannot be reached or keeps failing. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `Table Storage is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'StorageUnavailableError';
  }
}

/**
 * The HTTP status of a storage error. Table errors from @azure/data-tables leave `code`
 * undefined, so the status (and `details.odataError.code`) is what tells them apart.
 */
export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'REQUEST_SEND_ERROR',
]);

/**
 * True when the error means storage could not be reached or could not answer: a refused or
 * dropped connection, a request that timed out (the SDK aborts it, see table-store.ts), or a
 * server error still there after the SDK's retries. Not a request storage rejected.
 */
export function isUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  const name = (error as { name?: unknown }).name;
  if (name === 'AbortError') return true;
  const status = statusCodeOf(error);
  if (status !== undefined && (status >= 500 || status === 408)) return true;
  return status === undefined && name === 'RestError';
}

/** Converts low-level failures into the typed errors callers handle. */
export function translateStorageError(error: unknown, what: string): Error {
  const status = statusCodeOf(error);
  if (status === 412) return new ConflictError(what);
  if (isUnreachable(error)) return new StorageUnavailableError(error);
  return error instanceof Error ? error : new Error(String(error));
}
