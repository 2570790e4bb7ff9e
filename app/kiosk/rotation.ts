/**
 * The dashboard to show next: the one after the current one, wrapping around; the first one
 * when the screen is not on a dashboard. Undefined when there is nothing to rotate to.
 */
export function nextDashboardId(ids: readonly string[], currentId: string | undefined): string | undefined {
  if (ids.length === 0) return undefined;
  const at = currentId === undefined ? -1 : ids.indexOf(currentId);
  return ids[(at + 1) % ids.length];
}

/** The dashboard kiosk mode opens on: the one asked for (`?dashboard=<id>`) if it exists, else the first. */
export function startDashboardId(ids: readonly string[], wanted: string | null): string | undefined {
  return wanted !== null && ids.includes(wanted) ? wanted : ids[0];
}
