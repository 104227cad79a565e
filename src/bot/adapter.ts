import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type AuthenticateRequestResult,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { Config } from '../config/config';
import { PlainTextMessages } from '../notify/plain-text';
import { errorFields, type Logger } from '../logging/logger';

/**
 * Where tokens are checked against and how the bot gets its own. Production leaves these unset
 * (the public Bot Framework cloud); tests point them at stand-ins on 127.0.0.1.
 */
export interface AuthOverrides {
  /** OpenID metadata URL whose keys must have signed incoming tokens. */
  openIdMetadataUrl?: string;
  /** Issues the bot's outgoing credentials (default: from MicrosoftAppId and its password). */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

const SORRY =
  'Sorry, something went wrong on my side and nothing was changed. Please try again; ' +
  'if it keeps happening, tell your democratic services team.';

/**
 * botbuilder answers 500 when a token is well formed but fails verification (a bad signature
 * or algorithm raises a plain error, not an AuthenticationError). Every failure to authenticate
 * is a 401: nothing about the request is trusted.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(
        `Unauthorized. The token could not be verified: ${(error as Error).message}`,
        401,
      );
    }
  }
}

function authOptions(
  config: Config,
  overrides: AuthOverrides,
): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    // Local mode has no app registration at all, which botbuilder only accepts as MultiTenant.
    MicrosoftAppType: config.localMode ? 'MultiTenant' : config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  };
  if (!overrides.openIdMetadataUrl) return options;
  // Setting one endpoint makes botbuilder use only the endpoints given, so the others are
  // spelled out with the public cloud's values.
  return {
    ...options,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: overrides.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: overrides.openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * The Bot Framework adapter. With MicrosoftAppId set it checks every incoming token (401 for a
 * missing, malformed, expired, wrongly signed or wrongly addressed one); without it, it runs in
 * local mode.
 */
export function createAdapter(
  config: Config,
  logger: Logger,
  overrides: AuthOverrides = {},
): CloudAdapter {
  const adapter = new CloudAdapter(
    new StrictAuthentication(authOptions(config, overrides), overrides.credentialsFactory),
  );
  adapter.use(new PlainTextMessages());
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      {
        err: errorFields(error),
        turn: context.activity?.id,
        type: context.activity?.type,
      },
      'turn failed',
    );
    // Proactive sends catch their own errors in the notifier, so only a person's turn reaches
    // here. A card button is answered inline: a message answer keeps the card (and whatever
    // was typed on it) where it was, instead of Teams' bare "something went wrong".
    if (context.activity?.type === ActivityTypes.Invoke) {
      if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: {
            status: 200,
            body: {
              statusCode: 200,
              type: 'application/vnd.microsoft.activity.message',
              value: SORRY,
            },
          },
        });
      }
      return;
    }
    if (context.activity?.type === ActivityTypes.Message) {
      try {
        await context.sendActivity(SORRY);
      } catch {
        // The connector is failing too: the error is already logged.
      }
    }
  };
  return adapter;
}
