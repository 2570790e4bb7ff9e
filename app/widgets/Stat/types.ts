/** The sparkline under the number covers this much time. */
export const SPARK_WINDOW_MS = 5 * 60_000;

export type Trend = 'rising' | 'falling' | 'steady';
