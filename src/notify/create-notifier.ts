import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config/config';
import { createNotifierAdapter } from './notifier-adapter';
import { Notifier, type NotifierDeps, type NotifierOptions } from './notifier';
import { SendLimiter, TEAMS_LIMITS } from './send-limiter';

/**
 * Room left in every rate window for the time between a request leaving here and reaching the
 * connector, whose clock decides. Small, because the limiter sits just before the wire.
 */
export const DEFAULT_MARGIN_MS = 10;

/** What {@link createNotifier} builds from. */
export interface NotifierSetup extends Pick<NotifierDeps, 'people' | 'logger' | 'now'> {
  config: Config;
  options?: NotifierOptions;
  /** An adapter to use instead of the notifier's own (tests: it then has no limiter). */
  adapter?: CloudAdapter;
}

/** The notifier of the app's registration: limiter → adapter → notifier. */
export function createNotifier(setup: NotifierSetup): Notifier {
  const { config, options = {} } = setup;
  const limiter = new SendLimiter(options.limits ?? TEAMS_LIMITS, {
    marginMs: options.marginMs ?? DEFAULT_MARGIN_MS,
  });
  return new Notifier(
    {
      adapter: setup.adapter ?? createNotifierAdapter(config, limiter),
      appId: config.MicrosoftAppId ?? '',
      people: setup.people,
      logger: setup.logger,
      now: setup.now,
      serviceUrl: config.TEAMS_SERVICE_URL,
      tenantId: config.MicrosoftAppTenantId ?? null,
    },
    options,
  );
}
