import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { buildWelcomeCard } from '../cards/welcome-card';
import type { Person } from '../domain/person';
import type { Logger } from '../logging/logger';
import type { BotDeps } from './bot-deps';
import { sendCard, type BotTurn } from './bot-turn';
import { describeFailure } from './failures';
import { activityTenant, resolvePerson } from './identity';

/** How a refusal is given: not at all (`quiet`), or handed back (`onUnknown`, for invokes). */
export interface PersonGateOptions {
  quiet?: boolean;
  onUnknown?: (text: string) => void;
}

/**
 * Runs `handler` for a known person from the right tenant; otherwise explains politely.
 * A correlation id ties together every log line of the turn.
 */
export async function withPerson(
  deps: BotDeps,
  context: TurnContext,
  what: string,
  handler: (turn: BotTurn) => Promise<void>,
  options: PersonGateOptions = {},
): Promise<void> {
  const log: Logger = deps.logger.child({
    turn: context.activity.id ?? randomUUID(),
    activity: what,
  });
  const expectedTenant = deps.config.MicrosoftAppTenantId;
  const tenant = activityTenant(context);
  if (expectedTenant && tenant !== expectedTenant) {
    log.warn({ tenant }, 'activity from another tenant refused');
    const text = 'Sorry, this bot only works for staff of the council that runs it.';
    if (options.onUnknown) options.onUnknown(text);
    else if (!options.quiet) await context.sendActivity(text);
    return;
  }
  let person: Person | null;
  try {
    person = await resolvePerson(context, deps);
  } catch (error) {
    // Storage not answering while finding who this is: say so, as a save would.
    const failure = describeFailure(error, options.onUnknown ? 'card' : 'message');
    if (!failure) throw error;
    log.warn({ outcome: failure.kind }, 'could not look the person up');
    if (options.onUnknown) options.onUnknown(failure.message);
    else if (!options.quiet) await context.sendActivity(failure.message);
    return;
  }
  if (!person) {
    log.info('person not in the directory');
    const text =
      `Sorry, I don't know you yet: you are not in this council's action plan directory. ` +
      `Please ask ${deps.config.ADMIN_CONTACT} to add you.`;
    if (options.onUnknown) options.onUnknown(text);
    else if (!options.quiet || what === 'install') {
      await sendCard(
        context,
        buildWelcomeCard({ person: null, adminContact: deps.config.ADMIN_CONTACT }),
      );
    }
    return;
  }
  await handler({ context, person, deps, log, now: deps.now() });
}
