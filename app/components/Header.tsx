import { lazy, Suspense } from 'react';
import { hrefFor, type Route } from '../hooks/useHashRoute';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useSite } from '../hooks/useSite';
import { ConfigButtons } from './ConfigButtons';
import { LiveIndicator } from './LiveIndicator';
import { KioskControls, useKiosk } from '../kiosk';
import { ThemePicker } from '../theme/ThemePicker';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useT } from '../i18n/useT';

// Only screens under 1280 px use the menu: it loads on demand (start-up budget, ARCHITECTURE.md).
const HeaderMenu = lazy(() => import('./menu/HeaderMenu'));
const menuClass = 'rounded border border-[#6b7278] px-3 py-0.5 text-[13px] text-[#e8e9ea] hover:bg-[#4a5056]';

const link = (active: boolean) =>
  `flex shrink-0 items-center whitespace-nowrap rounded px-3 py-1 text-[13px] ${active ? 'bg-hmi-bg font-semibold text-hmi-text' : 'text-[#e8e9ea] hover:bg-[#4a5056]'}`;

/**
 * One header line on every screen (issue 16, tablets): from 1280 px everything is inline; narrower,
 * the secondary actions and each dashboard's link fold into "Menu"; below 768 px the views too.
 */
export function Header({ route }: { route: Route }) {
  const t = useT();
  const dashboards = useSite((s) => s.config.dashboards);
  const kiosk = useKiosk();
  const wide = useMediaQuery('(min-width: 1280px)');
  const tablet = useMediaQuery('(min-width: 768px)');
  const inDashboards = route.view === 'dashboards';
  // From 1280 px the header may wrap rather than overlap when a site has many dashboards; narrower
  // screens keep one line with the secondary actions in "Menu".
  return (
    <header className={`flex items-center gap-3 bg-hmi-header px-3 py-1.5 ${wide ? 'flex-wrap' : ''}`}>
      <span className="shrink-0 font-semibold tracking-wide text-[#f4f4f5]">Sightglass</span>
      {tablet && (
        <nav aria-label={t('Views')} className={`flex min-w-0 gap-1 ${wide ? 'flex-wrap' : ''}`}>
          <a href={hrefFor({ view: 'topics' })} className={link(route.view === 'topics')} aria-current={route.view === 'topics' ? 'page' : undefined}>
            {t('Topics')}
          </a>
          <a href={hrefFor({ view: 'dashboards' })} className={link(inDashboards && (!route.id || !wide))} aria-current={inDashboards && !route.id ? 'page' : undefined}>
            {t('Dashboards')}
          </a>
          {wide &&
            dashboards.map((d) => {
              const active = inDashboards && route.id === d.id;
              return (
                <a key={d.id} href={hrefFor({ view: 'dashboards', id: d.id })} className={link(active)} aria-current={active ? 'page' : undefined}>
                  {d.name || d.id}
                </a>
              );
            })}
          <a href={hrefFor({ view: 'alarms' })} className={link(route.view === 'alarms')} aria-current={route.view === 'alarms' ? 'page' : undefined}>
            {t('Alarms')}
          </a>
          <a href={hrefFor({ view: 'sparkplug' })} className={link(route.view === 'sparkplug')} aria-current={route.view === 'sparkplug' ? 'page' : undefined}>
            Sparkplug
          </a>
        </nav>
      )}
      <div className={`ml-auto flex items-center gap-3 ${wide ? 'flex-wrap' : 'min-w-0'}`}>
        <LiveIndicator />
        {wide ? (
          <>
            {!kiosk && <ConfigButtons />}
            <ThemePicker />
            <LanguagePicker />
            <KioskControls />
          </>
        ) : (
          <>
            <LanguagePicker />
            {kiosk && <KioskControls />}
            <Suspense
              fallback={
                <button type="button" className={menuClass} aria-haspopup="menu" aria-expanded={false} disabled>
                  {t('Menu')}
                </button>
              }
            >
              <HeaderMenu route={route} views={!tablet} dashboards kiosk={kiosk} className={menuClass} />
            </Suspense>
          </>
        )}
      </div>
    </header>
  );
}
