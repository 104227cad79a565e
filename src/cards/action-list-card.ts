import type { MyActionsList } from '../domain/my-actions';
import { myActionsCardData } from './my-actions-card';
import template from '../../cards/my-actions.json';
import { clip, LINE_TEXT_MAX } from './format';
import { expandCard, type AdaptiveCard } from './render';

/** What a list of actions answering a question is built from. */
export interface ActionListCardInput {
  heading: string;
  intro: string;
  /** The domain's list, the most urgent first. */
  list: MyActionsList;
}

/**
 * Actions answering a question ("Off track or at risk"), on the same card as "my actions": the
 * most urgent first, each with an "Open" button.
 */
export function buildActionListCard(input: ActionListCardInput): AdaptiveCard {
  const data = myActionsCardData({ person: { name: '' }, list: input.list });
  return expandCard(template, {
    ...data,
    heading: clip(input.heading, LINE_TEXT_MAX),
    intro: clip(input.intro, 400),
  });
}
