import { hrefFor, type Route } from '../../hooks/useHashRoute';
import { useSite } from '../../hooks/useSite';
import { enterKiosk } from '../../kiosk/kioskActions';
import { setTheme } from '../../theme/themeActions';
import { THEMES } from '../../theme/themes';
import { useTheme } from '../../theme/useTheme';
import { useT } from '../../i18n/useT';
import { MenuButton, type MenuEntry, type MenuGroup } from './MenuButton';
import { useConfigTransfer } from '../../config/useConfigTransfer';

interface Props {
  readonly route: Route;
  /** Below 768 px the navigation itself folds in here (contract: menu button "Menu"). */
  readonly views: boolean;
  /** Below 1280 px each dashboard's link moves here (the Dashboards page lists them as cards too). */
  readonly dashboards: boolean;
  readonly kiosk: boolean;
  readonly className: string;
}

/**
 * The header's "Menu" on screens narrower than 1280 px (issue 16, tablets): what does not fit on
 * one header line (configuration export/import, theme, kiosk, and on phones the views themselves).
 */
export default function HeaderMenu({ route, views, dashboards, kiosk, className }: Props) {
  const t = useT();
  const boards = useSite((s) => s.config.dashboards);
  const theme = useTheme();
  const transfer = useConfigTransfer();
  const link = (label: string, to: Route, current: boolean): MenuEntry => ({ kind: 'link', label, href: hrefFor(to), current });
  const groups: MenuGroup[] = [];
  if (views) {
    groups.push({
      label: t('Views'),
      entries: [
        link(t('Topics'), { view: 'topics' }, route.view === 'topics'),
        link(t('Dashboards'), { view: 'dashboards' }, route.view === 'dashboards' && !route.id),
        link(t('Alarms'), { view: 'alarms' }, route.view === 'alarms'),
        link('Sparkplug', { view: 'sparkplug' }, route.view === 'sparkplug'),
      ],
    });
  }
  if (dashboards && boards.length > 0) {
    groups.push({
      label: t('Dashboards'),
      entries: boards.map((d) => link(d.name || d.id, { view: 'dashboards', id: d.id }, route.view === 'dashboards' && route.id === d.id)),
    });
  }
  if (!kiosk) {
    groups.push({
      label: t('Configuration'),
      entries: [
        { kind: 'action', label: t('Export configuration'), run: transfer.exportNow },
        { kind: 'check', label: t('Include passwords'), checked: transfer.withSecrets, run: () => void transfer.toggleSecrets() },
        { kind: 'action', label: t('Import configuration'), run: transfer.chooseImport },
      ],
    });
  }
  groups.push({ label: t('Theme'), entries: THEMES.map((th) => ({ kind: 'radio', label: t(th.label), checked: theme === th.id, run: () => setTheme(th.id) })) });
  if (!kiosk) groups.push({ label: t('Display'), entries: [{ kind: 'action', label: t('Kiosk mode'), run: enterKiosk }] });

  return (
    <>
      <MenuButton label={t('Menu')} groups={groups} className={className} />
      {transfer.elements}
    </>
  );
}
