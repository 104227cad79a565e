import { myActionsCardData, type ActionWithPlan } from './my-actions-card';
import template from '../../cards/my-actions.json';
import { clip, LINE_TEXT_MAX } from './format';
import { expandCard, type AdaptiveCard } from './render';

/** What a list of actions answering a question is built from. */
export interface ActionListCardInput {
  heading: string;
  intro: string;
  items: ActionWithPlan[];
  now: Date;
  includeComplete: boolean;
}

/**
 * Actions answering a question ("Off track or at risk"), on the same card as "my actions": the
 * most urgent first, each with an "Open" button.
 */
export function buildActionListCard(input: ActionListCardInput): AdaptiveCard {
  const data = myActionsCardData({
    person: { name: '' },
    items: input.items,
    now: input.now,
    includeComplete: input.includeComplete,
  });
  return expandCard(template, {
    ...data,
    heading: clip(input.heading, LINE_TEXT_MAX),
    intro: clip(input.intro, 400),
  });
}
