/** The result of reading a timescale cell. */
export interface TimescaleReading {
  /** The original text, always kept. */
  text: string;
  /** Last day of the period, `YYYY-MM-DD`, or null when the text gives no date. */
  due: string | null;
  /** True when the text says the work is already done ("Complete", "Completed"). */
  complete: boolean;
  /** True for open-ended work ("Ongoing", "March 2025 and ongoing"). */
  ongoing: boolean;
  /** Set when the text could not be understood; due is then null (never a guess). */
  warning: string | null;
}
