import { refIdentity } from '../domain/import-changes';

import type { ImportWarning } from '../import/types';

/** Warnings sorted for a preview: those about one action, and those about the whole plan. */
export interface SortedWarnings {
  byRef: Map<string, string[]>;
  general: string[];
}

/** Splits a reader's warnings into those beside an action's row and those shown on top. */
export function sortWarnings(warnings: readonly ImportWarning[]): SortedWarnings {
  const sorted: SortedWarnings = { byRef: new Map(), general: [] };
  for (const { ref, message } of warnings) {
    if (!ref) {
      sorted.general.push(message);
      continue;
    }
    const key = refIdentity(ref);
    sorted.byRef.set(key, [...(sorted.byRef.get(key) ?? []), message]);
  }
  return sorted;
}
