import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';

/**
 * The Bot Framework adapter. With MicrosoftAppId set it checks every incoming token (401 for a
 * missing, expired or wrongly addressed one); without it, it runs in local mode.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    // Local mode has no app registration at all, which botbuilder only accepts as MultiTenant.
    MicrosoftAppType: config.localMode ? 'MultiTenant' : config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      {
        err: { name: error.name, message: error.message, stack: error.stack },
        activityId: context.activity?.id,
        type: context.activity?.type,
      },
      'turn failed',
    );
    // Proactive sends catch their own errors in the notifier, so only a person's turn reaches
    // here; an invoke is answered by its own response.
    if (context.activity?.type === 'message') {
      try {
        await context.sendActivity(
          'Sorry, something went wrong on my side and nothing was changed. Please try again; ' +
            'if it keeps happening, tell your democratic services team.',
        );
      } catch {
        // The connector is failing too: the error is already logged.
      }
    }
  };
  return adapter;
}
