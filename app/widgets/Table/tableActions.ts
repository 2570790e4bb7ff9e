import type { RowView } from '../../../src/rows';
import { pickVariable } from '../../dashboards/variableActions';
import { hrefFor } from '../../hooks/useHashRoute';
import { openTopic } from '../../rows/rowsActions';

/**
 * A click (or Enter) on a table row: with a link, that dashboard with its variable set to the
 * row's name (`truck-07`); else the row's topic in the Topics view.
 */
export function openRow(row: RowView, link: { readonly dashboard: string; readonly variable?: string } | undefined): void {
  if (!link) return openTopic(row.connectionId, row.topic);
  if (link.variable) pickVariable(link.variable, row.key, true);
  window.location.hash = hrefFor({ view: 'dashboards', id: link.dashboard });
}
