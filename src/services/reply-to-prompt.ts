import type { Person } from '../domain/person';
import { mentionedRefs, sameRef, smallTalkOf, type SmallTalk } from '../domain/reply-text';
import type { PlannedAction } from './my-actions';
import {
  isFollowUp,
  pendingReply,
  recordReply,
  settleReply,
  type RecordedReply,
} from './record-reply';
import type { Repositories } from './repositories';

type Repos = Pick<Repositories, 'plans' | 'actions' | 'updates' | 'replies'>;
type Replier = Pick<Person, 'email' | 'name' | 'posts' | 'roles'>;

/** What a plain-text message did as a reply to the person's last prompt. */
export type PromptReply =
  /** No prompt waits (or nothing it asked about is theirs now): not a reply. */
  | { kind: 'none' }
  /** "ok", "thanks", "👍": nothing recorded, the wait goes on. */
  | { kind: 'small-talk'; talk: SmallTalk; items: PlannedAction[]; followUp: boolean }
  /** It names only actions the prompt did not ask about: nothing recorded. */
  | { kind: 'not-asked'; asked: PlannedAction[]; mentioned: string[] }
  /** It could be about several actions: the person chooses; the wait goes on. */
  | { kind: 'choose'; items: PlannedAction[] }
  /** Recorded on each action it was about; the wait ended. */
  | { kind: 'recorded'; recorded: RecordedReply[] };

/** The same reference in two plans cannot be told apart from the words alone. */
function refsRepeat(items: PlannedAction[]): boolean {
  const refs = items.map((i) => i.action.ref.toLowerCase());
  return new Set(refs).size < refs.length;
}

/**
 * Plain text after a prompt, as progress on the actions it asked about: filed on the ones it
 * names, or on the only one; several unnamed ones are left for the person to choose. Small talk
 * and replies about other actions record nothing.
 */
export async function replyToPrompt(
  repos: Repos,
  person: Replier,
  text: string,
  now: Date,
): Promise<PromptReply> {
  const pending = await pendingReply(repos, person, now);
  if (!pending) return { kind: 'none' };
  const { awaiting, items } = pending;
  if (items.length === 0) {
    // The actions it asked about are gone or no longer theirs: nothing to file a reply on.
    await repos.replies.clear(person.email, awaiting.version);
    return { kind: 'none' };
  }
  const talk = smallTalkOf(text);
  if (talk) {
    return { kind: 'small-talk', talk, items, followUp: isFollowUp(awaiting) };
  }
  const mentioned = mentionedRefs(text);
  const named = items.filter((i) => mentioned.some((m) => sameRef(m, i.action.ref)));
  if (mentioned.length > 0 && named.length === 0) {
    return { kind: 'not-asked', asked: items, mentioned };
  }
  const targets = named.length > 0 ? named : items;
  if (targets.length > 1 && (named.length === 0 || refsRepeat(named))) {
    return { kind: 'choose', items: targets };
  }
  const recorded: RecordedReply[] = [];
  for (const { action } of targets) {
    recorded.push(
      await recordReply(repos, { person, planId: action.planId, ref: action.ref, text, now }),
    );
  }
  await settleReply(
    repos,
    person.email,
    awaiting,
    recorded.map((r) => r.action),
    now,
  );
  return { kind: 'recorded', recorded };
}

/**
 * "This one" on the card asking which action a reply was about: records the reply on that
 * action and ends the wait for the prompt the card answered.
 */
export async function replyOnChosenAction(
  repos: Repos,
  person: Replier,
  input: { planId: string; ref: string; note: string; now: Date },
): Promise<RecordedReply> {
  const { planId, ref, note, now } = input;
  // Read before recording, so the wait ended is the one this card answered.
  const awaiting = await repos.replies.get(person.email, now);
  const recorded = await recordReply(repos, { person, planId, ref, text: note, now });
  await settleReply(repos, person.email, awaiting, [recorded.action], now);
  return recorded;
}
