import { t } from './i18n';
import { useLocale } from './useLocale';

/**
 * The translator for a component: `const t = useT(); … {t('Connect')}`. The component
 * re-renders in the new language when the operator switches (no reload).
 */
export function useT(): typeof t {
  useLocale();
  return t;
}
