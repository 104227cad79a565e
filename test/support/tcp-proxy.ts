import net from 'node:net';

/**
 * How the proxy treats connections: pass them through, refuse them (nothing listens, so the
 * client gets ECONNREFUSED), reset them as soon as they open, or hold them open and answer
 * nothing (a black hole, as a dead route looks to a client).
 */
export type ProxyMode = 'pass' | 'refuse' | 'reset' | 'blackhole';

/**
 * A TCP proxy on 127.0.0.1 between the app and a service (Azurite, the test connector) that
 * can cut the service off for a while, then let it back without the app restarting.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private currentMode: ProxyMode = 'pass';
  /** The port the proxy listens on, fixed for its lifetime so the app's settings stay valid. */
  port = 0;
  /** Connections accepted so far. */
  connections = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  /** The mode now in force. */
  get mode(): ProxyMode {
    return this.currentMode;
  }

  async start(): Promise<number> {
    await this.listen(0);
    return this.port;
  }

  /**
   * Switches mode. Leaving 'pass' also cuts every open connection, as an outage would; 'refuse'
   * stops listening altogether and 'pass' (or another mode) listens again on the same port.
   */
  async setMode(mode: ProxyMode): Promise<void> {
    if (mode === this.currentMode) return;
    this.currentMode = mode;
    if (mode !== 'pass') for (const socket of this.sockets) socket.destroy();
    if (mode === 'refuse') await this.close();
    else if (!this.server) await this.listen(this.port);
  }

  /** Stops the proxy and every connection through it. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await this.close();
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private accept(client: net.Socket): void {
    this.connections += 1;
    this.track(client);
    if (this.currentMode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    if (this.currentMode === 'blackhole') {
      // Read and drop whatever arrives; never answer.
      client.on('data', () => undefined);
      return;
    }
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = net.createServer((client) => this.accept(client));
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.server = server;
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private close(): Promise<void> {
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
