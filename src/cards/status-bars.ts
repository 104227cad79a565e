import { STATUSES, statusesPresent, type Status } from '../domain/status';
import { statusBadge } from './format';
import { solidPngDataUri } from './solid-png';

/**
 * Bar colours, one per status, each at least 3:1 against Teams' light (#FFFFFF), dark (#292929)
 * and high-contrast (#000000) card backgrounds (a test measures them). The bar is never the only
 * way to read a count: its status and figures are written on the line above it.
 */
export const BAR_COLOURS: Partial<Record<Status, string>> = {
  'not-started': '#808080',
  'on-track': '#2E9440',
  'at-risk': '#C96800',
  'off-track': '#F03A3F',
  complete: '#2F80DF',
};

/** The colour of bars for statuses not given one of their own. */
export const OTHER_BAR_COLOUR = '#8A67C2';

const barImages = new Map<string, string>();

function barImage(status: Status): string {
  const colour = barColourOf(status);
  let uri = barImages.get(colour);
  if (!uri) {
    uri = solidPngDataUri(colour);
    barImages.set(colour, uri);
  }
  return uri;
}

/** The bar colour of a status. */
export function barColourOf(status: Status): string {
  return BAR_COLOURS[status] ?? OTHER_BAR_COLOUR;
}

/** One status's line of a bar chart: its words, and a bar as long as its share. */
export interface StatusBarRow {
  /** "● On track: 12 of 30 (40%)": the text equivalent of the bar. */
  text: string;
  hasBar: boolean;
  /** Column weights: the bar's share, and the rest of the row (absent when the bar fills it). */
  barWidth: number;
  hasRest: boolean;
  restWidth: number;
  image: string;
}

/** Template data of a bar chart of statuses: one line and one bar per status. */
export interface StatusBarsData {
  hasBars: boolean;
  bars: StatusBarRow[];
  /** The whole chart in one sentence, for screen readers and notifications. */
  chartText: string;
}

/** Bars for counts by status, each status written out with its count and share. */
export function statusBars(counts: Record<Status, number>): StatusBarsData {
  const total = STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const share = (n: number): number => (total === 0 ? 0 : Math.round((n / total) * 100));
  const bars = STATUSES.map((status) => {
    const n = counts[status];
    return {
      text: `${statusBadge(status)}: ${n} (${share(n)}%)`,
      hasBar: n > 0,
      barWidth: Math.max(1, n),
      hasRest: n > 0 && n < total,
      restWidth: Math.max(1, total - n),
      image: barImage(status),
    };
  });
  const present = statusesPresent(counts);
  const chartText =
    total === 0
      ? 'No actions yet.'
      : `${present.map((s) => `${counts[s]} ${statusBadge(s).replace(/^\S+ /, '').toLowerCase()}`).join(', ')}.`;
  return { hasBars: total > 0, bars, chartText };
}
