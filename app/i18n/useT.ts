import { useContext } from 'react';
import { LinguiContext } from '@lingui/react';
import { t } from './i18n';

/**
 * The translator for a component: `const t = useT(); … {t('Connect')}`. Reading Lingui's
 * context makes the component re-render when the language changes (no reload). Outside the
 * provider (unit tests rendering a lone component) it still translates, in the active locale.
 */
export function useT(): typeof t {
  useContext(LinguiContext);
  return t;
}
