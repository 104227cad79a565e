import net from 'node:net';

/** One request written byte for byte, so malformed framing reaches the server as sent. */
export interface RawRequest {
  head: string[];
  body?: Buffer;
  /** Leave the body unfinished and hang up after this long (a truncated or stalled upload). */
  hangUpAfterMs?: number;
}

/** Sends a raw request to 127.0.0.1:`port`; the status answered, or null when the connection closed without one. */
export function sendRaw(port: number, request: RawRequest): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let done = false;
    const finish = (status: number | null): void => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(status);
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) finish(Number(match[1]));
    });
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('connect', () => {
      socket.write(`${request.head.join('\r\n')}\r\n\r\n`, 'latin1');
      if (request.body) socket.write(request.body);
      if (request.hangUpAfterMs !== undefined)
        setTimeout(() => finish(null), request.hangUpAfterMs);
    });
  });
}
