import { freePort } from '../../src/util/net';
import { sendWithDeadline, type AbortableRequest } from '../../src/util/request-deadline';
import { TableStore } from '../../src/storage/table-store';
import { azuriteConnectionString } from '../../src/storage/azurite';

/** A send that settles only when its request is aborted. */
function hangUntilAborted(request: AbortableRequest): Promise<string> {
  return new Promise((_, reject) => {
    request.abortSignal?.addEventListener('abort', () => reject(new Error('aborted')));
  });
}

describe('sendWithDeadline', () => {
  afterEach(() => jest.useRealTimers());

  it('aborts a request that outlives its deadline', async () => {
    jest.useFakeTimers();
    const request: AbortableRequest = {};
    const sent = sendWithDeadline(request, 30_000, () => hangUntilAborted(request));
    const outcome = expect(sent).rejects.toThrow('aborted');
    jest.advanceTimersByTime(29_999);
    expect(request.abortSignal?.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    await outcome;
  });

  it('leaves no timer behind when the send fails at once', async () => {
    jest.useFakeTimers();
    const request: AbortableRequest = {};
    await expect(
      sendWithDeadline(request, 30_000, () => Promise.reject(new Error('socket hang up'))),
    ).rejects.toThrow('socket hang up');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind when the answer comes', async () => {
    jest.useFakeTimers();
    await expect(sendWithDeadline({}, 30_000, () => Promise.resolve('ok'))).resolves.toBe('ok');
    expect(jest.getTimerCount()).toBe(0);
  });

  it("still obeys the caller's own abort signal, and gives it back afterwards", async () => {
    const caller = new AbortController();
    const request: AbortableRequest = { abortSignal: caller.signal };
    const sent = sendWithDeadline(request, 30_000, () => hangUntilAborted(request));
    caller.abort();
    await expect(sent).rejects.toThrow('aborted');
    expect(request.abortSignal).toBe(caller.signal);
  });
});

describe('a storage request to a closed port', () => {
  it('fails without leaving a timer running', async () => {
    const port = await freePort();
    const store = new TableStore(azuriteConnectionString(port), 'deadline', {
      requestTimeoutMs: 120_000,
      maxRetries: 0,
      retryDelayMs: 0,
      maxRetryDelayMs: 0,
    });
    const timers = (): number =>
      process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    await expect(store.table('plans').getEntity('plan', 'x')).rejects.toThrow();
    // The SDK's own timeout would still be waiting here, for two minutes.
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
