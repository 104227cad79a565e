import type { SharedViewKey, SharedViewName } from '../../cards/refresh';
import { actionView } from './action-view';
import { myActionsView } from './my-actions-view';
import { overdueView } from './overdue-view';
import type { SharedView } from './shared-view';
import { signOffView } from './sign-off-view';

const VIEWS: Record<SharedViewName, SharedView> = {
  action: actionView as SharedView,
  'my-actions': myActionsView as SharedView,
  overdue: overdueView as SharedView,
  'sign-off': signOffView as SharedView,
};

/** The shared view a key names. */
export function viewOf(key: SharedViewKey): SharedView {
  return VIEWS[key.view];
}

/** The key a refresh action's data names, or null when it names no view of ours. */
export function viewKeyOf(data: Record<string, unknown>): SharedViewKey | null {
  const name = Object.keys(VIEWS).find((v) => v === data.view) as SharedViewName | undefined;
  return name ? VIEWS[name].keyOf(data) : null;
}
