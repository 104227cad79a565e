import { EventEmitter } from 'node:events';
import { guardProcess } from '../../src/logging/process-guards';
import { captureLogs } from '../support/log-capture';

function guarded(stop: () => Promise<void>, stopTimeoutMs?: number) {
  const target = new EventEmitter();
  const logs = captureLogs('info');
  const exits: number[] = [];
  let exited!: () => void;
  const done = new Promise<void>((resolve) => (exited = resolve));
  guardProcess(target, {
    logger: logs.logger,
    stop,
    exit: (code) => {
      exits.push(code);
      exited();
    },
    stopTimeoutMs,
  });
  return { target, logs, exits, done };
}

describe('the process guards', () => {
  it.each(['unhandledRejection', 'uncaughtException'] as const)(
    'log a %s with its stack, stop cleanly, then exit with 1',
    async (event) => {
      const order: string[] = [];
      const g = guarded(async () => {
        order.push('stopped');
      });
      g.target.emit(event, new TypeError('Cannot read properties of undefined'));
      await g.done;
      order.push('exited');
      expect(order).toEqual(['stopped', 'exited']);
      expect(g.exits).toEqual([1]);
      expect(g.logs.lines()).toContainEqual(
        expect.objectContaining({
          level: 60,
          kind: event,
          err: expect.objectContaining({
            name: 'TypeError',
            message: 'Cannot read properties of undefined',
            stack: expect.stringContaining('process-guards.test'),
          }),
        }),
      );
    },
  );

  it('stops once however many errors arrive, logging each', async () => {
    let stops = 0;
    let release!: () => void;
    const g = guarded(
      () =>
        new Promise<void>((resolve) => {
          stops += 1;
          release = resolve;
        }),
    );
    g.target.emit('unhandledRejection', new Error('first'));
    g.target.emit('uncaughtException', new Error('second'));
    g.target.emit('unhandledRejection', 'not even an Error');
    release();
    await g.done;
    expect(stops).toBe(1);
    expect(g.exits).toEqual([1]);
    const logged = g.logs
      .lines()
      .filter((l) => l.level === 60)
      .map((l) => (l.err as { message: string }).message);
    expect(logged).toEqual(['first', 'second', 'not even an Error']);
  });

  it('exits even when stopping fails', async () => {
    const g = guarded(async () => {
      throw new Error('storage would not close');
    });
    g.target.emit('unhandledRejection', new Error('boom'));
    await g.done;
    expect(g.exits).toEqual([1]);
    expect(g.logs.lines()).toContainEqual(
      expect.objectContaining({
        msg: 'could not stop cleanly',
        err: expect.objectContaining({ message: 'storage would not close' }),
      }),
    );
  });

  it('exits when stopping hangs', async () => {
    const g = guarded(() => new Promise<void>(() => undefined), 50);
    g.target.emit('uncaughtException', new Error('boom'));
    await g.done;
    expect(g.exits).toEqual([1]);
  });
});
