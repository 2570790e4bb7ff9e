import { useEffect, useMemo } from 'react';
import type { DashboardVariableConfig } from '../../src/config';
import { resolveConnection } from '../../src/series';
import { useSite } from '../hooks/useSite';
import { useRows } from '../rows/useRows';
import { pickVariable } from './variableActions';
import { sortValues } from './variables';
import { useT } from '../i18n/useT';

/**
 * A dashboard variable's picker in the header (issue 15): a combobox named after the variable,
 * its options what the wildcard of `topic` matched so far. With nothing picked (no
 * `?var-<name>=` in the URL), the first value is taken.
 */
export function VariablePicker({ dashboardId, variable, value }: { dashboardId: string; variable: DashboardVariableConfig; value: string | undefined }) {
  const t = useT();
  const connections = useSite((s) => s.config.connections);
  const spec = useMemo(
    () => ({ connection: resolveConnection({ connections }, variable.connection), topic: variable.topic, paths: [] }),
    [connections, variable.connection, variable.topic],
  );
  const snap = useRows(`var/${dashboardId}/${variable.name}`, spec, 500);
  const keys = useMemo(() => {
    const set = new Set<string>();
    for (const r of snap.rows.values()) set.add(r.key);
    return sortValues(set);
    // The map is patched in place: `version` says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snap.version]);
  const first = keys[0];
  useEffect(() => {
    if (value === undefined && first !== undefined) pickVariable(variable.name, first, false);
  }, [value, first, variable.name]);
  const options = value !== undefined && !keys.includes(value) ? [value, ...keys] : keys;

  return (
    <label className="flex items-center gap-1 text-[13px]">
      <span>{variable.label || variable.name}</span>
      <select
        aria-label={variable.name}
        className="rounded border border-hmi-border bg-hmi-raised px-2 py-0.5"
        value={value ?? ''}
        onChange={(e) => pickVariable(variable.name, e.target.value, true)}
      >
        {options.length === 0 && <option value="">{t('No values yet')}</option>}
        {options.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    </label>
  );
}
