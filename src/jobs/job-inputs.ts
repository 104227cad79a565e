/** The messages over the per-run maximum are left for the next run. */
export function splitAtLimit<T>(items: T[], max: number): { now: T[]; later: T[] } {
  return { now: items.slice(0, max), later: items.slice(max) };
}
