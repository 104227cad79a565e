import { STATUSES, statusLabel, type Status } from '../domain/status';
import { statusColour, statusStyle, type ContainerStyle, type TextColour } from './format';

/** Template data of a bar chart of statuses: one coloured column per status present. */
export interface StatusBarsData {
  hasBars: boolean;
  /** `width` is the column's weight: its share of the row is its count over the total. */
  bars: { width: number; style: ContainerStyle; count: string; status: Status }[];
  legend: { label: string; colour: TextColour; count: string }[];
}

/** Bars and legend for counts by status (statuses with no actions get no bar). */
export function statusBars(counts: Record<Status, number>): StatusBarsData {
  const total = STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const bars = STATUSES.filter((s) => counts[s] > 0).map((status) => ({
    width: counts[status],
    style: statusStyle(status),
    count: String(counts[status]),
    status,
  }));
  const legend = STATUSES.map((status) => {
    const n = counts[status];
    const share = total === 0 ? 0 : Math.round((n / total) * 100);
    return {
      label: statusLabel(status),
      colour: statusColour(status),
      count: `${n} (${share}%)`,
    };
  });
  return { hasBars: bars.length > 0, bars, legend };
}
