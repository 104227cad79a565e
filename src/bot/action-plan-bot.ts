import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type FileConsentCardResponse,
} from 'botbuilder';
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
import { withPerson, type PersonGateOptions } from './person-gate';

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
        const type = context.activity.conversation?.conversationType;
        await sendCard(
          context,
          buildWelcomeCard({
            person: turn.person,
            adminContact: deps.config.ADMIN_CONTACT,
            shared: type !== undefined && type !== 'personal',
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
    const verb = typeof action?.verb === 'string' ? action.verb : '';
    const data =
      action?.data && typeof action.data === 'object'
        ? (action.data as Record<string, unknown>)
        : {};
    const outcome: { result: CardActionResult } = {
      result: { message: 'Sorry, I could not work out what that button was for.' },
    };
    await this.withPerson(
      context,
      `card:${verb}`,
      async (turn) => {
        outcome.result = await this.runCardAction(turn, verb, data);
      },
      { quiet: true, onUnknown: (text) => (outcome.result = { message: text }) },
    );
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

  private async runCardAction(
    turn: BotTurn,
    verb: string,
    data: Record<string, unknown>,
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
      return await action.run(turn, data);
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
        const result = await this.runCardAction(turn, value.verb as string, value);
        if ('message' in result) {
          await context.sendActivity(result.message);
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
