import type { Action, ActionUpdate, Plan } from '../../src/domain/action';
import type { Person } from '../../src/domain/person';
import type { Status } from '../../src/domain/status';
import { summarisePlan, type PlanSummary } from '../../src/domain/summary';

// Texts are those of the council's real plan in test/fixtures/000_77f21607da4671ce.txt.

/** "Now" for sample data: a Tuesday morning in March 2022 (UK winter time). */
export const SAMPLE_NOW = new Date('2022-03-01T09:30:00Z');

/** The members' communications plan. */
export const samplePlan: Plan = {
  id: 'ad-hoc-scrutiny-panel-members-communications-action-plan',
  title: "AD HOC SCRUTINY PANEL MEMBERS' COMMUNICATIONS - ACTION PLAN",
  date: '2021-09-07',
  committee: 'Ad Hoc Scrutiny Panel',
  sourceFile: '000_77f21607da4671ce.txt',
  importedAt: '2021-09-10T10:00:00.000Z',
  timezone: 'Europe/London',
  chairDigestEmails: ['cllr.jones@council.example'],
};

/** Post titles of the plan's owners. */
export const POSTS = {
  marketing: 'Head of Marketing and Communications',
  democratic: 'Head of Democratic Services',
} as const;

function action(
  ref: string,
  fields: Partial<Action> &
    Pick<Action, 'recommendation' | 'proposedAction' | 'owners' | 'timescale'>,
): Action {
  return {
    planId: samplePlan.id,
    ref,
    budget: 'N/A',
    due: null,
    revisedDue: null,
    revisedReason: null,
    status: 'not-started',
    lastUpdateAt: null,
    lastUpdateBy: null,
    lastNote: null,
    version: `W/"datetime'2022-02-0${ref}T10%3A00%3A00.000Z'"`,
    ...fields,
  };
}

/** The plan's four actions, with a little progress recorded on them. */
export const sampleActions: Action[] = [
  action('1', {
    recommendation:
      'That a communications plan be implemented that aligns with the refreshed Strategic Plan 2021-2024 to ensure consistency and direction of council communications.',
    proposedAction:
      'A marketing and communications delivery plan that is aligned with the Strategic Plan 2021-24 has previously been approved by LMT and informal Executive and was presented to the Ad Hoc Scrutiny Panel. The team is now working with directorates to implement it.',
    owners: [POSTS.marketing],
    timescale: 'Complete',
    status: 'complete',
  }),
  action('2', {
    recommendation:
      'To ensure Members are well versed on social media etiquette; a training package be delivered to Members on the appropriate use of social media. Training should be carried out as a mandatory requirement on an annual basis (minimum).',
    proposedAction:
      "Following the meeting of the Ad Hoc Scrutiny Panel an initial social media training session was arranged for members in May 2021 (poorly attended). The recommendation for such training to be mandatory will be put forward to the next Constitution and Members' Development Committee for consideration. Although social media training is a regular event on the Member Development programme.",
    owners: [POSTS.marketing, POSTS.democratic],
    timescale: 'January 2022',
    due: '2022-01-31',
    status: 'at-risk',
    lastUpdateAt: '2022-01-20T14:05:00.000Z',
    lastUpdateBy: 'Priya Shah',
    lastNote:
      "Paper drafted for the Constitution and Members' Development Committee; the February meeting was cancelled, so it now goes in March.",
  }),
  action('3', {
    recommendation:
      "That the principles of proper behaviour on social media be reflected in the revised Members' Code of Conduct.",
    proposedAction:
      'The Code of Conduct has been updated to reflect this and was approved by Council on 28/7/2021.',
    owners: [POSTS.democratic],
    timescale: 'Complete',
    status: 'complete',
  }),
  action('4', {
    recommendation:
      'As a corollary of recommendations one and two; a framework be developed to provide clarity to all Members on the appropriate use of social media.',
    proposedAction:
      'Marketing and Communications will work with Democratic Services to develop a framework. This framework can then be used as the basis for the first annual session. The LGA guidance on social media has also been circulated to all Councillors',
    owners: [POSTS.marketing, POSTS.democratic],
    timescale: 'November 2021',
    due: '2021-11-30',
    revisedDue: '2022-04-30',
    revisedReason: 'Waiting for the LGA to publish its revised guidance.',
    status: 'on-track',
    lastUpdateAt: '2022-02-14T09:12:00.000Z',
    lastUpdateBy: 'Sam Okafor',
    lastNote: 'Draft framework shared with group leaders for comment.',
  }),
];

/** An action of the sample plan by its ref. */
export function sampleAction(ref: string): Action {
  const found = sampleActions.find((a) => a.ref === ref);
  if (!found) throw new Error(`No sample action ${ref}`);
  return { ...found };
}

/** A person of the directory with nothing set but `fields` (named after their email). */
export function samplePerson(email: string, fields: Partial<Person> = {}): Person {
  return {
    email,
    name: email.split('@')[0],
    posts: [],
    service: null,
    roles: ['officer'],
    aadObjectId: null,
    teamsUserId: null,
    tenantId: null,
    conversationReference: null,
    unreachable: null,
    snoozes: {},
    version: '',
    ...fields,
  };
}

function person(fields: Partial<Person> & Pick<Person, 'email' | 'name'>): Person {
  return samplePerson(fields.email, { version: 'W/"1"', ...fields });
}

/** People of the sample directory. */
export const samplePeople = {
  marketing: person({
    email: 'priya.shah@council.example',
    name: 'Priya Shah',
    posts: [POSTS.marketing],
    service: 'Marketing and Communications',
    roles: ['officer', 'head'],
  }),
  democratic: person({
    email: 'sam.okafor@council.example',
    name: 'Sam Okafor',
    posts: [POSTS.democratic],
    service: 'Democratic Services',
    roles: ['officer', 'head'],
  }),
  chair: person({
    email: 'cllr.jones@council.example',
    name: 'Cllr Megan Jones',
    roles: ['chair'],
  }),
  admin: person({
    email: 'it.admin@council.example',
    name: 'Alex Wilber',
    posts: ['Digital Services Manager'],
    service: 'Digital Services',
    roles: ['officer', 'admin'],
  }),
};

let updateSeq = 0;

/** An audit row for a sample action. */
export function sampleUpdate(
  ref: string,
  fields: Partial<ActionUpdate> & { at: string; statusTo: Status },
): ActionUpdate {
  updateSeq += 1;
  return {
    id: `u${updateSeq}`,
    planId: samplePlan.id,
    ref,
    by: samplePeople.democratic.email,
    byName: samplePeople.democratic.name,
    statusFrom: null,
    note: null,
    dueFrom: null,
    dueTo: null,
    reason: null,
    source: 'card',
    ...fields,
  };
}

/** Action 4's audit trail, oldest first. */
export const sampleHistory: ActionUpdate[] = [
  sampleUpdate('4', {
    at: '2021-09-10T10:00:00.000Z',
    by: 'import',
    byName: 'Plan import',
    statusTo: 'not-started',
    source: 'import',
  }),
  sampleUpdate('4', {
    at: '2021-11-22T16:40:00.000Z',
    statusFrom: 'not-started',
    statusTo: 'off-track',
    note: 'The LGA says new guidance is due in the new year; no point writing ours before then.',
    dueFrom: '2021-11-30',
    dueTo: '2022-04-30',
    reason: 'Waiting for the LGA to publish its revised guidance.',
  }),
  sampleUpdate('4', {
    at: '2022-02-14T09:12:00.000Z',
    statusFrom: 'off-track',
    statusTo: 'on-track',
    note: 'Draft framework shared with group leaders for comment.',
    source: 'reply',
  }),
];

/** The plan's summary at {@link SAMPLE_NOW}. */
export function sampleSummary(): PlanSummary {
  return summarisePlan(samplePlan, sampleActions, SAMPLE_NOW);
}

/** `n` more actions like the sample's, for size and cap tests (refs 101, 102, …). */
export function manyActions(n: number, fields: Partial<Action> = {}): Action[] {
  return Array.from({ length: n }, (_, i) => ({
    ...sampleAction(String((i % 4) + 1)),
    ref: String(101 + i),
    ...fields,
  }));
}

/** A note of exactly `length` characters of ordinary prose. */
export function longNote(length = 4000): string {
  const sentence =
    'Met the Monitoring Officer and group leaders; the draft is agreed in principle and goes to committee next month. ';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}

/** Text a user might type to break a card: template expressions, markdown and a link. */
export const HOSTILE_TEXTS = [
  '${$root.secret}',
  "${if(true,'x','y')}",
  '[click](https://evil.example)',
  '**bold**',
  '# heading',
  '${ref} <b>html</b> ${',
] as const;
