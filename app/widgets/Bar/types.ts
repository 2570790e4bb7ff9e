/** Bars a bar widget shows by default (e.g. the last 24 hours at `1h`). */
export const DEFAULT_BARS = 24;
/** The bars' interval when the series has none (an `increase` defaults to an hour). */
export const DEFAULT_INTERVAL = '1h';
