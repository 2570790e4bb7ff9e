import { setTheme } from './themeActions';
import { useTheme } from './useTheme';
import { parseTheme, THEMES } from './themes';
import { useT } from '../i18n/useT';

/** Header control: light, dark, or high contrast for a control-room wall. */
export function ThemePicker() {
  const t = useT();
  const theme = useTheme();
  return (
    <select
      aria-label={t('Theme')}
      title={t('Theme')}
      className="rounded border border-[#6b7278] bg-hmi-header px-1 py-0.5 text-xs text-[#e8e9ea]"
      value={theme}
      onChange={(e) => {
        const id = parseTheme(e.target.value);
        if (id) setTheme(id);
      }}
    >
      {THEMES.map((theme) => (
        <option key={theme.id} value={theme.id}>
          {t(theme.label)}
        </option>
      ))}
    </select>
  );
}
