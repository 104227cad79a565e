import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../config/config';
import { PlainTextMessages } from './plain-text';
import { sendWithDeadline, type AbortableRequest } from '../util/request-deadline';
import type { SendLimiter } from './send-limiter';

type ClaimsIdentity = Parameters<
  ConfigurationBotFrameworkAuthentication['createConnectorFactory']
>[0];
type ConnectorFactory = ReturnType<
  ConfigurationBotFrameworkAuthentication['createConnectorFactory']
>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

interface PipelineRequest extends AbortableRequest {
  url: string;
  /** Milliseconds before the request is abandoned; 0 waits for ever. */
  timeout: number;
}
interface PipelineResponse {
  status: number;
}
interface Pipeline {
  removePolicy(options: { name: string }): unknown;
  addPolicy(
    policy: {
      name: string;
      sendRequest(
        request: PipelineRequest,
        next: (request: PipelineRequest) => Promise<PipelineResponse>,
      ): Promise<PipelineResponse>;
    },
    options?: { afterPhase?: 'Sign' },
  ): void;
}

/**
 * How long one Bot Connector request may go unanswered before it is abandoned and retried (a
 * dead connection otherwise holds a job run for ever). Teams answers in well under a second.
 */
export const SEND_TIMEOUT_MS = 30_000;

/** The name of the retry step in the Azure HTTP pipeline under botbuilder's connector client. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

/** The connector client's HTTP pipeline. It is not part of botbuilder's typed surface. */
function pipelineOf(client: ConnectorClient): Pipeline | null {
  return (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline ?? null;
}

/** The conversation a Bot Connector request is for (`/v3/conversations/{id}/…`), if any. */
export function conversationOfUrl(url: string): string | null {
  const match = /\/v3\/conversations\/([^/?]+)/.exec(new URL(url).pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * Fits a connector client for the notifier. Its own retry step comes out: it retries a 429 only
 * with Retry-After and 5xx for about 6 seconds by itself, hidden from our limiter, so the
 * notifier's policy (backoff with jitter, honouring Retry-After) is the only one in force. The
 * rate limiter goes in as the innermost step, just before the request leaves, so a slot is taken
 * as close to the wire as possible and given back when the request is refused (it delivered
 * nothing). Returns false if the pipeline is not where it was (a later botbuilder): nothing is
 * changed then, and a test watches for that.
 */
export function fitConnectorClient(client: ConnectorClient, limiter: SendLimiter | null): boolean {
  const pipeline = pipelineOf(client);
  if (!pipeline) return false;
  pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  pipeline.addPolicy({
    name: 'sendTimeout',
    sendRequest: (request, next) =>
      request.timeout
        ? next(request)
        : sendWithDeadline(request, SEND_TIMEOUT_MS, () => next(request)),
  });
  if (limiter) {
    pipeline.addPolicy(
      {
        name: 'teamsRateLimit',
        sendRequest: async (request, next) => {
          const grant = await limiter.acquire(conversationOfUrl(request.url));
          let response: PipelineResponse;
          try {
            response = await next(request);
          } catch (error) {
            limiter.release(grant);
            throw error;
          }
          if (response.status >= 400) limiter.release(grant);
          return response;
        },
      },
      { afterPhase: 'Sign' },
    );
  }
  return true;
}

/** Bot Framework authentication whose connector clients are fitted for the notifier. */
class NotifierAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    private readonly limiter: SendLimiter | null,
  ) {
    super(options);
  }

  // botbuilder builds a new connector client, HTTP pipeline and all, for every proactive turn.
  // The clients hold no per-conversation state (tokens are cached by the credentials), so one
  // per service URL and audience is kept and reused: a fan-out of thousands then builds one.
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const factory = super.createConnectorFactory(claimsIdentity);
    return {
      // An empty audience means "the configured one": botbuilder's types insist on a string.
      create: (serviceUrl: string, audience?: string) => {
        const key = `${serviceUrl}\u0000${audience ?? ''}`;
        let client = this.clients.get(key);
        if (!client) {
          client = factory.create(serviceUrl, audience || undefined).then((created) => {
            fitConnectorClient(created, this.limiter);
            return created;
          });
          // A failed creation (e.g. no token) is not kept: the next send tries again.
          client.catch(() => this.clients.delete(key));
          this.clients.set(key, client);
        }
        return client;
      },
    };
  }
}

/**
 * The adapter proactive messages go through: the bot's app registration, no `onTurnError` (so a
 * failure inside a send reaches the notifier instead of being logged and dropped), no SDK
 * retries, and every request paced by `limiter`.
 */
export function createNotifierAdapter(config: Config, limiter: SendLimiter | null): CloudAdapter {
  const adapter = new CloudAdapter(
    new NotifierAuthentication(
      {
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.localMode ? 'MultiTenant' : config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
      },
      limiter,
    ),
  );
  adapter.use(new PlainTextMessages());
  return adapter;
}
