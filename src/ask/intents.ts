import type { Slots } from './reading';

/** A pattern in the question's words and how much it says for an intent. */
export type Cue = [pattern: RegExp, weight: number];

/**
 * One thing people ask. Adding a question the bot understands is adding one entry to
 * {@link INTENTS}: its cues, what its slots add, and how a reading of it is put in words.
 */
export interface IntentDefinition {
  name: string;
  /** Patterns over the normalised question (lower case, no punctuation). */
  cues: Cue[];
  /** Extra weight from the slots found (e.g. a reference makes "one action" likely). */
  fromSlots?: (slots: Slots) => number;
  /** What the bot understood, in words, for "Did you mean…" ("overdue actions"). */
  describe: string;
}

const CHANGED =
  /\b(?:changed?|changes|moved|movement|happened|new|news|been updated|what is new|progress(?:ed)? since|updates? since|any updates?|latest updates?|recent updates?|updated recently|recently updated|shifted|updates? (?:have|has) (?:there )?been|what updates)\b/;

/** Everything the bot understands; each entry is one intent. Order breaks ties. */
export const INTENTS: IntentDefinition[] = [
  {
    name: 'action',
    cues: [],
    fromSlots: (s) => (s.ref ? 6 : 0),
    describe: 'one action',
  },
  {
    name: 'not-updated',
    cues: [
      [
        /\b(?:not (?:been |yet )?(?:updated|update|updating|responded|replied|answered|reported|given (?:an |any )?updates?)|no (?:recent |new )?(?:updates?|news|response|reply|replies)|not had (?:an |any )?updates?|not heard|gone quiet|silent|stale|chase|chasing|without (?:an |any )?updates?|out of date|dormant|not touched|not been touched|not got back|not come back|behind (?:on|with) (?:their |the |his |her )?updates?)\b/,
        5,
      ],
    ],
    describe: 'actions not updated lately',
  },
  {
    name: 'overdue',
    cues: [
      [
        /\b(?:overdue|over due|overdeu|ovedue|overdu|late|past (?:its |their |the )?(?:due|deadlines?|target|end) ?(?:dates?)?|missed|missing (?:its |their |the )?deadlines?|behind schedule|behind|slipped|passed (?:its |their |the )?(?:deadlines?|due dates?)|out of time|not (?:been )?(?:done|delivered|met|finished|completed) (?:by|on) time|run over|beyond (?:its |their |the )?deadlines?)\b/,
        3,
      ],
    ],
    describe: 'overdue actions',
  },
  {
    name: 'status',
    cues: [[/\b(?:worr\w*|concern\w*|problems?|issues?|struggling|stuck|stalled)\b/, 2]],
    fromSlots: (s) => (s.statuses ? 3.5 : 0),
    describe: 'actions by status',
  },
  {
    name: 'due-soon',
    cues: [
      [
        /\b(?:due (?:soon|shortly|this|next|in|within|before|by|over|up)|coming up|upcoming|(?:next|coming) (?:week|fortnight|month|few weeks|couple of weeks|\d+ (?:days|weeks))|approaching|falling due|about to (?:be )?due|deadlines? (?:soon|coming|approaching|this|next)|what is due|anything due|which are due|what needs doing|needs to be done)\b/,
        3,
      ],
    ],
    fromSlots: (s) => (s.untilNextMeeting ? 1.5 : 0),
    describe: 'actions due soon',
  },
  {
    name: 'changes',
    cues: [[CHANGED, 2.5]],
    fromSlots: (s) => (s.sinceLastMeeting ? 2 : s.since ? 1 : 0),
    describe: 'what changed',
  },
  {
    name: 'completed',
    cues: [
      [
        /\b(?:completed?|completions?|done|finished|delivered|closed|achieved|implemented|ticked off|signed off|got through)\b/,
        3,
      ],
    ],
    describe: 'completed actions',
  },
  {
    name: 'owned',
    cues: [
      [
        /\b(?:responsible|owns?|owned|assigned|on (?:his|her|their) plate|working on|looking after|leading on|in charge of|accountable|whose)\b/,
        1.5,
      ],
    ],
    fromSlots: (s) => (s.service || s.post || s.person ? 2 : 0),
    describe: 'actions of a service, post or person',
  },
  {
    name: 'position',
    cues: [
      [/\bhow (?:is|are|s|were|has|have|did|we)\b|\bhows\b|\bhow goes\b/, 1.5],
      [
        /\b(?:position|progress\w*|summary|summarise|summarize|overview|state of play|where are we|where (?:is|are|do we stand)|latest on|update on|an update|status of|report on|rundown|round ?up|going|getting on|coming along|look(?:ing|s)? like|health|headlines|picture|overall|in a nutshell|brief me|catch me up|quick update)\b/,
        1.5,
      ],
    ],
    fromSlots: (s) => (s.plan ? 0.5 : 0),
    describe: 'the position of a plan',
  },
  {
    name: 'sign-off',
    // An instruction, not a question: "sign off rec 3 on the comms plan", "sign off 1, 3 and 5".
    // "Which were signed off" stays a question about completed actions.
    cues: [[/^(?:please )?(?:can you |could you )?sign ?off\b/, 8]],
    describe: 'signing off completed actions',
  },
  {
    name: 'reopen',
    cues: [[/^(?:please )?(?:can you |could you )?re ?open\b/, 8]],
    describe: 'reopening a completed action',
  },
  {
    name: 'report',
    cues: [
      [
        /^(?:please )?(?:can you |could you )?(?:send (?:me )?|give me |get me |make |prepare |produce )?(?:the |a )?(?:committee |progress )?(?:report|paper) (?:for|on|of)\b/,
        5,
      ],
    ],
    describe: 'the committee report',
  },
  {
    name: 'subscribe',
    cues: [
      [
        /\b(?:post|send|share|put|publish|drop|pop|stick)\b.*\b(?:here|this channel|in this channel|to this channel|this team|in here|the channel)\b/,
        5,
      ],
      [/\b(?:subscribe|sign (?:this channel|us) up)\b/, 5],
    ],
    fromSlots: (s) => (s.schedule ? 2 : 0),
    describe: 'posting a plan to this channel',
  },
  {
    name: 'unsubscribe',
    cues: [
      [
        /\b(?:stop|unsubscribe|cancel|no longer|do not|dont|turn off|switch off|no more)\b.*\b(?:post|posting|posts|send|sending|summar\w*|updates?|here|channel)\b/,
        8,
      ],
    ],
    describe: 'no longer posting a plan to this channel',
  },
];
