import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent, as the connector received it. */
export interface CapturedActivity {
  method: 'send' | 'reply' | 'update' | 'create';
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown>;
  at: number;
}

/** A member the connector knows, answered to getMember. */
export interface ConnectorMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

/** How the stand-in answers a send: pass through, or fail with a status (and Retry-After). */
export type FaultDecision = { status: number; retryAfterSeconds?: number } | null;

/** How the stand-in serves a file sent to the bot. */
export interface ServedFileOptions {
  /** Redirects before the file itself (each to the next hop on the same server). */
  redirects?: number;
  /** Content-Length to declare instead of the real one; null sends the body chunked, undeclared. */
  declaredLength?: number | null;
  /** Status to answer instead of the file. */
  status?: number;
  /** Milliseconds to wait before answering (a slow file store). */
  delayMs?: number;
}

/** Options: members for getMember, and a hook to inject faults per request. */
export interface ConnectorOptions {
  members?: ConnectorMember[];
  fault?: (request: { method: string; conversationId: string }) => FaultDecision;
  /** Milliseconds to wait before answering a send or reply (a slow Teams). */
  latencyMs?: number;
  /**
   * Asked as each request arrives: true drops its connection before the request is read (a
   * network blip), so the request never reached the service.
   */
  drop?: () => boolean;
  /**
   * Largest message accepted, in bytes of its JSON: a larger send or reply is refused as Teams
   * refuses one over its limit (413, MessageSizeTooBig) and nothing is delivered.
   */
  maxMessageBytes?: number;
}

/**
 * A small stand-in for the Bot Connector REST API on 127.0.0.1, owned by the tests. It answers
 * send, reply, update, createConversation and getMember like the real service, and records
 * every activity the bot sends. It also takes the file uploads that follow a file consent card,
 * as OneDrive's upload session does.
 */
export class TestConnector {
  readonly activities: CapturedActivity[] = [];
  /** Files uploaded to an upload URL (see {@link uploadUrl}), by name, with their headers. */
  readonly uploads = new Map<string, { bytes: Buffer; headers: http.IncomingHttpHeaders }>();
  /** Status answered to uploads (a OneDrive refusing, for tests of failures). */
  uploadStatus = 201;
  private server: http.Server | null = null;
  private conversationCount = 0;
  private readonly members = new Map<string, ConnectorMember>();
  private readonly files = new Map<string, { bytes: Buffer; options: ServedFileOptions }>();
  /** Paths of the file downloads the bot made, in order. */
  readonly downloads: string[] = [];

  /** Milliseconds each send or reply waits before it is answered; tests may change it. */
  latencyMs: number;

  /** Sends and replies received and not yet answered (waiting out {@link latencyMs}). */
  pending = 0;

  /** Connections dropped by the {@link ConnectorOptions.drop} hook. */
  dropped = 0;

  /** Largest message accepted (see {@link ConnectorOptions.maxMessageBytes}); tests may change it. */
  maxMessageBytes: number | null;

  /** Messages refused as too large, with their size in bytes. */
  readonly refusedTooLarge: number[] = [];

  constructor(private readonly options: ConnectorOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.maxMessageBytes = options.maxMessageBytes ?? null;
    for (const m of options.members ?? []) this.members.set(m.id, m);
  }

  /** The service URL to put in activities. */
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Adds or replaces a member answered by getMember. */
  addMember(member: ConnectorMember): void {
    this.members.set(member.id, member);
  }

  /**
   * Serves `bytes` on loopback as Teams' file store would, and returns the attachment Teams
   * puts on a message carrying the file (download info with a pre-authorised link).
   */
  serveFile(
    name: string,
    bytes: Buffer,
    options: ServedFileOptions = {},
  ): { contentType: string; name: string; content: Record<string, unknown> } {
    const id = `f${this.files.size + 1}`;
    this.files.set(id, { bytes, options });
    const dot = name.lastIndexOf('.');
    return {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name,
      content: {
        downloadUrl: `${this.url}files/${id}/0?token=pre-authorised`,
        uniqueId: id,
        fileType: dot >= 0 ? name.slice(dot + 1) : '',
      },
    };
  }

  private async serveDownload(parts: string[], res: http.ServerResponse): Promise<void> {
    const file = this.files.get(parts[1] ?? '');
    const hop = Number(parts[2] ?? '0');
    this.downloads.push(`/${parts.join('/')}`);
    if (!file) {
      this.json(res, 404, { error: { code: 'itemNotFound', message: 'No such file' } });
      return;
    }
    const { bytes, options } = file;
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (hop < (options.redirects ?? 0)) {
      res.writeHead(302, { Location: `/files/${parts[1]}/${hop + 1}` });
      res.end();
      return;
    }
    if (options.status) {
      this.json(res, options.status, { error: { code: 'Fault', message: 'Injected' } });
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (options.declaredLength !== null) {
      headers['Content-Length'] = String(options.declaredLength ?? bytes.length);
    }
    res.writeHead(200, headers);
    // Sent in pieces, as a real store streams a large file.
    for (let i = 0; i < bytes.length && !res.destroyed; i += 64 * 1024) {
      res.write(bytes.subarray(i, i + 64 * 1024));
    }
    res.end();
  }

  /**
   * An upload URL as Teams gives in a file consent answer (`uploadInfo.uploadUrl`): a PUT of
   * the file's bytes to it is kept in {@link uploads} under `name`.
   */
  uploadUrl(name: string): string {
    return `${this.url}uploads/${encodeURIComponent(name)}`;
  }

  /** Forgets what was captured so far. */
  clear(): void {
    this.activities.length = 0;
    this.downloads.length = 0;
  }

  /** Adaptive Cards among the captured activities, in order. */
  cards(): Record<string, unknown>[] {
    return this.activities.flatMap((a) =>
      (
        (a.activity.attachments as { contentType: string; content: Record<string, unknown> }[]) ??
        []
      )
        .filter((att) => att.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((att) => att.content),
    );
  }

  /** Texts of the captured message activities, in order. */
  texts(): string[] {
    return this.activities
      .map((a) => a.activity.text)
      .filter((t): t is string => typeof t === 'string');
  }

  private json(
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
      ...headers,
    });
    res.end(text);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.options.drop?.()) {
      this.dropped += 1;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upload = /^\/uploads\/([^/]+)$/.exec(req.url ?? '');
    if (upload && req.method === 'PUT') {
      const name = decodeURIComponent(upload[1]);
      if (this.uploadStatus < 300) {
        this.uploads.set(name, { bytes: Buffer.concat(chunks), headers: req.headers });
      }
      this.json(res, this.uploadStatus, { id: name, name });
      return;
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'GET' && parts[0] === 'files') {
      await this.serveDownload(parts, res);
      return;
    }
    // /v3/conversations[/:id[/activities[/:activityId]]] and /v3/conversations/:id/members/:memberId
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') {
      this.json(res, 404, { error: { code: 'NotFound', message: url.pathname } });
      return;
    }
    const conversationId = parts[2] ?? '';
    if (req.method === 'GET' && parts[3] === 'members' && parts[4]) {
      const member = this.members.get(parts[4]);
      if (!member) {
        this.json(res, 404, {
          error: { code: 'MemberNotFoundInConversation', message: 'Member not found' },
        });
        return;
      }
      this.json(res, 200, {
        ...member,
        userPrincipalName: member.userPrincipalName ?? member.email,
      });
      return;
    }
    const method: CapturedActivity['method'] | null =
      req.method === 'POST' && parts.length === 2
        ? 'create'
        : req.method === 'POST' && parts[3] === 'activities' && parts[4]
          ? 'reply'
          : req.method === 'POST' && parts[3] === 'activities'
            ? 'send'
            : req.method === 'PUT' && parts[3] === 'activities' && parts[4]
              ? 'update'
              : null;
    if (!method) {
      this.json(res, 404, {
        error: { code: 'NotFound', message: `${req.method} ${url.pathname}` },
      });
      return;
    }
    if (this.latencyMs > 0) {
      this.pending += 1;
      await new Promise((r) => setTimeout(r, this.latencyMs));
      this.pending -= 1;
    }
    const size = Buffer.byteLength(raw, 'utf8');
    if (this.maxMessageBytes !== null && size > this.maxMessageBytes) {
      this.refusedTooLarge.push(size);
      this.json(res, 413, {
        error: { code: 'MessageSizeTooBig', message: 'Message size too large' },
      });
      return;
    }
    const fault = this.options.fault?.({ method, conversationId });
    if (fault) {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined)
        headers['Retry-After'] = String(fault.retryAfterSeconds);
      this.json(
        res,
        fault.status,
        { error: { code: 'Fault', message: `Injected ${fault.status}` } },
        headers,
      );
      return;
    }
    if (method === 'create') {
      this.conversationCount += 1;
      const id = `a:created-${this.conversationCount}`;
      const activity = body.activity as Record<string, unknown> | undefined;
      if (activity) this.activities.push({ method, conversationId: id, activity, at: Date.now() });
      this.json(res, 201, {
        id,
        activityId: activity ? `act-${this.activities.length}` : undefined,
      });
      return;
    }
    this.activities.push({
      method,
      conversationId,
      replyToId: parts[4],
      activity: body,
      at: Date.now(),
    });
    this.json(res, method === 'update' ? 200 : 201, {
      id: parts[4] && method === 'update' ? parts[4] : `act-${this.activities.length}`,
    });
  }
}
