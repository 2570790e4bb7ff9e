import { useEffect, type Dispatch, type SetStateAction } from 'react';
import type { TopicSuggestion } from '../../src/series';
import type { WidgetDefinition } from '../widgets/types';
import { suggestRange } from './suggestRange';
import type { WidgetFormState } from './widgetForm';

const KEYS = ['min', 'max', 'unit'] as const;

/**
 * Fills a new widget's empty Minimum, Maximum and Unit (for types that have them: gauges) from
 * the newest payload seen on its first topic. Fields the user typed are never overwritten.
 */
export function useSuggestedRange(
  isNew: boolean,
  form: WidgetFormState,
  setForm: Dispatch<SetStateAction<WidgetFormState>>,
  def: WidgetDefinition,
  items: readonly TopicSuggestion[],
): void {
  const row = form.rows[0];
  const wanted = isNew && KEYS.every((k) => def.settings.some((f) => f.key === k));
  const last = wanted && row ? items.find((s) => s.topic === row.topic && (!row.connection || s.connection === row.connection))?.last : undefined;
  const path = row?.path ?? '';
  useEffect(() => {
    if (last === undefined) return;
    const found = suggestRange(last, path);
    setForm((f) => {
      const values = { ...f.values };
      let changed = false;
      for (const k of KEYS) {
        const v = found[k];
        if (v !== undefined && !values[k]) {
          values[k] = String(v);
          changed = true;
        }
      }
      return changed ? { ...f, values } : f;
    });
  }, [last, path, setForm]);
}
