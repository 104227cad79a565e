import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type FileConsentCardResponse,
} from 'botbuilder';
import { VERBS } from '../cards/verbs';
import { buildWelcomeCard } from '../cards/welcome-card';
import type { BotDeps } from './bot-deps';
import {
  sendCard,
  type BotTurn,
  type CardAction,
  type CardActionResult,
  type TextCommand,
} from './bot-turn';
import { DAMAGED_CARD_MESSAGE, isWellFormedCardData } from './card-data';
import { describeFailure } from './failures';
import { hasFileAttachment } from './files/teams-file';
import { acceptReportUpload, declineReportUpload } from './file-consent';
import { isPersonalChat } from './identity';
import { withPerson, type PersonGateOptions } from './person-gate';
import { isSharedConversation, ownView, sharedCard, updateEveryonesCard } from './shared-cards';
import { viewKeyOf } from './views';

/** How a card button arrived: an Action.Execute invoke, or an Action.Submit message. */
type Pressed = 'invoke' | 'submit';

/** Handles plain text that is not a command (e.g. a reply to a prompt); true when it did. */
export type FreeTextHandler = (turn: BotTurn, text: string) => Promise<boolean>;

/** Handles a message carrying a file (a plan or people file sent to the bot). */
export type FileHandler = (turn: BotTurn) => Promise<void>;

/** The longest message the bot reads; longer text is refused with a message, never cut. */
export const MAX_MESSAGE_LENGTH = 4000;

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/**
 * The Teams bot. It only routes: who is talking, then which command or card action, each in a
 * file of its own. Everything else lives in the services and the domain.
 */
export class ActionPlanBot extends TeamsActivityHandler {
  private readonly verbs: Map<string, CardAction>;

  constructor(
    private readonly deps: BotDeps,
    private readonly commands: TextCommand[],
    cardActions: CardAction[],
    private readonly freeText: FreeTextHandler[] = [],
    private readonly fileHandler: FileHandler | null = null,
  ) {
    super();
    this.verbs = new Map(cardActions.map((a) => [a.verb, a]));
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.withPerson(context, 'install', async (turn) => {
        // In a team or group chat the welcome is for everyone: no one's posts or roles in it.
        await sendCard(
          context,
          buildWelcomeCard({
            person: turn.person,
            adminContact: deps.config.ADMIN_CONTACT,
            shared: !isPersonalChat(context),
          }),
        );
      });
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Remembers the person's ids and conversation; the welcome comes with the installation.
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id === context.activity.from?.id)) {
        await this.withPerson(context, 'members-added', async () => undefined, { quiet: true });
      }
      await next();
    });
  }

  /** Card buttons (Action.Execute) arrive here; the answer replaces the clicked card. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action = invokeValue?.action as { verb?: unknown; data?: unknown } | undefined;
    const data =
      action?.data && typeof action.data === 'object'
        ? (action.data as Record<string, unknown>)
        : {};
    // Every button's data names its verb too, for a client that leaves the action's verb out.
    const verb =
      typeof action?.verb === 'string' && action.verb !== ''
        ? action.verb
        : typeof data.verb === 'string'
          ? data.verb
          : '';
    const outcome: { result: CardActionResult; known: boolean } = {
      result: { message: 'Sorry, I could not work out what that button was for.' },
      known: false,
    };
    await this.withPerson(
      context,
      `card:${verb}`,
      async (turn) => {
        outcome.known = true;
        outcome.result = await this.runCardAction(turn, verb, data, 'invoke');
      },
      { quiet: true, onUnknown: (text) => (outcome.result = { message: text }) },
    );
    if (!outcome.known && verb === VERBS.refreshCard) {
      outcome.result = await this.everyonesView(context, data, outcome.result);
    }
    const result = outcome.result;
    if ('card' in result) return { statusCode: 200, type: ADAPTIVE_CARD, value: result.card };
    // A message answer leaves the card as it was, so whatever the person typed is kept.
    return {
      statusCode: 200,
      type: MESSAGE,
      value: result.message as unknown as Record<string, unknown>,
    };
  }

  /** The person allowed (or refused) a file the bot offered: the committee report. */
  protected override async handleTeamsFileConsentAccept(
    context: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    await this.withPerson(context, 'file-consent:accept', (turn) =>
      acceptReportUpload(turn, response),
    );
  }

  protected override async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    await this.withPerson(context, 'file-consent:decline', (turn) => declineReportUpload(turn));
  }

  /**
   * Someone the bot does not know refreshing a shared card (a guest, or a member not in the
   * directory) sees what everyone sees.
   */
  private async everyonesView(
    context: TurnContext,
    data: Record<string, unknown>,
    refused: CardActionResult,
  ): Promise<CardActionResult> {
    const key = isSharedConversation(context) ? viewKeyOf(data) : null;
    if (!key || !isWellFormedCardData(data)) return refused;
    try {
      return { card: await sharedCard(this.deps, key, null, null, this.deps.now()) };
    } catch (error) {
      if (!describeFailure(error)) throw error;
      return refused;
    }
  }

  /**
   * In a group chat or channel, a card that is one person's view stays theirs (with its refresh)
   * and the card everyone sees is brought up to date. An Action.Submit cannot answer one person
   * alone, so it is told to the chat in words that name no one.
   */
  private async shareAnswer(
    turn: BotTurn,
    verb: string,
    result: CardActionResult,
    pressed: Pressed,
  ): Promise<CardActionResult> {
    if (!('card' in result) || !result.view || !isSharedConversation(turn.context)) return result;
    if (verb !== VERBS.refreshCard) await updateEveryonesCard(turn, result.view);
    if (pressed === 'submit') return { message: result.said ?? '' };
    return { card: ownView(turn, result.view, result.card) };
  }

  private async runCardAction(
    turn: BotTurn,
    verb: string,
    data: Record<string, unknown>,
    pressed: Pressed,
  ): Promise<CardActionResult> {
    const action = this.verbs.get(verb);
    if (!action) {
      turn.log.warn({ verb: verb.slice(0, 40) }, 'unknown card verb');
      return { message: 'That button is no longer supported. Type **help** to see what I can do.' };
    }
    if (!isWellFormedCardData(data)) {
      turn.log.warn({ verb }, 'damaged card data refused');
      return { message: DAMAGED_CARD_MESSAGE };
    }
    try {
      return await this.shareAnswer(turn, verb, await action.run(turn, data), pressed);
    } catch (error) {
      const failure = describeFailure(error);
      if (!failure) throw error;
      turn.log.info({ verb, outcome: failure.kind }, 'card action refused');
      return { message: failure.message };
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const value = context.activity.value as Record<string, unknown> | undefined;
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      // Action.Submit (older clients) arrives as a message carrying the card's data.
      await this.withPerson(context, `submit:${value.verb}`, async (turn) => {
        const result = await this.runCardAction(turn, value.verb as string, value, 'submit');
        if ('message' in result) {
          if (result.message) await context.sendActivity(result.message);
        } else if (context.activity.replyToId) {
          await context.updateActivity({
            id: context.activity.replyToId,
            type: 'message',
            attachments: [{ contentType: ADAPTIVE_CARD, content: result.card }],
          });
        } else {
          await sendCard(context, result.card);
        }
      });
      return;
    }
    if (this.fileHandler && hasFileAttachment(context.activity)) {
      const handleFile = this.fileHandler;
      await this.withPerson(context, 'file', async (turn) => {
        try {
          await handleFile(turn);
        } catch (error) {
          const failure = describeFailure(error, 'message');
          if (!failure) throw error;
          await context.sendActivity(failure.message);
        }
      });
      return;
    }
    // botbuilder's mention removal throws on a message without text (an attachment only).
    const raw =
      typeof context.activity.text === 'string'
        ? (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text)
        : '';
    const text = raw.replace(/\s+/g, ' ').trim();
    await this.withPerson(context, 'message', async (turn) => {
      if (text.length > MAX_MESSAGE_LENGTH) {
        await context.sendActivity(
          `That message is too long for me (${text.length.toLocaleString('en-GB')} characters; ` +
            `the limit is ${MAX_MESSAGE_LENGTH.toLocaleString('en-GB')}). Please shorten it.`,
        );
        return;
      }
      try {
        for (const command of this.commands) {
          const args = command.match(text);
          if (args) {
            turn.log.info({ command: command.name }, 'command');
            await command.run(turn, args);
            return;
          }
        }
        for (const handler of this.freeText) {
          if (await handler(turn, text)) return;
        }
      } catch (error) {
        const failure = describeFailure(error, 'message');
        if (!failure) throw error;
        await context.sendActivity(failure.message);
        return;
      }
      const help = this.commands.find((c) => c.name === 'help');
      if (text !== '')
        await context.sendActivity("Sorry, I didn't understand that. Here is what I can do:");
      await help?.run(turn, []);
    });
  }

  private withPerson(
    context: TurnContext,
    what: string,
    handler: (turn: BotTurn) => Promise<void>,
    options: PersonGateOptions = {},
  ): Promise<void> {
    return withPerson(this.deps, context, what, handler, options);
  }
}
