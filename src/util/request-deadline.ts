/** The part of an Azure SDK pipeline request a deadline needs. */
export interface AbortableRequest {
  abortSignal?: AbortSignalLike;
}

/** The shape of abort signal the Azure SDK pipelines accept. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * Sends an Azure SDK pipeline request that is abandoned (aborted) after `ms` milliseconds, as the
 * request's own `timeout` would, but whose timer is always cleared. The SDK's HTTP client clears
 * its timeout timer only when an answer arrives: a refused or reset connection leaves it running
 * until it fires, keeping a finished CLI run alive and each failed request in memory meanwhile.
 * An abort signal the caller set still aborts the request.
 */
export async function sendWithDeadline<R>(
  request: AbortableRequest,
  ms: number,
  send: () => Promise<R>,
): Promise<R> {
  const outer = request.abortSignal;
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', abort);
  const timer = setTimeout(abort, ms);
  request.abortSignal = controller.signal;
  try {
    return await send();
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', abort);
    request.abortSignal = outer;
  }
}
