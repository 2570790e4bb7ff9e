import { useState } from 'react';
import { hrefFor, type Route } from '../hooks/useHashRoute';
import { useSite } from '../hooks/useSite';
import { ConfigButtons } from './ConfigButtons';
import { LiveIndicator } from './LiveIndicator';
import { KioskControls, useKiosk } from '../kiosk';
import { ThemePicker } from '../theme/ThemePicker';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useT } from '../i18n/useT';

const link = (active: boolean) =>
  `rounded px-3 py-1 text-[13px] ${active ? 'bg-hmi-bg font-semibold text-hmi-text' : 'text-[#e8e9ea] hover:bg-[#4a5056]'}`;

export function Header({ route }: { route: Route }) {
  const t = useT();
  const dashboards = useSite((s) => s.config.dashboards);
  const kiosk = useKiosk();
  // Below 768 px the views fold into a "Menu" button (contract); tablets and up show them inline.
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className="flex flex-wrap items-center gap-3 bg-hmi-header px-3 py-1.5">
      <span className="font-semibold tracking-wide text-[#f4f4f5]">Sightglass</span>
      <button type="button" className="rounded border border-[#6b7278] px-3 py-0.5 text-[13px] text-[#e8e9ea] md:hidden" aria-expanded={menuOpen} aria-controls="sg-views" onClick={() => setMenuOpen((o) => !o)}>
        {t('Menu')}
      </button>
      <nav id="sg-views" aria-label={t('Views')} className={`${menuOpen ? 'flex' : 'hidden'} flex-wrap gap-1 max-md:order-last max-md:w-full max-md:flex-col md:flex`} onClick={() => setMenuOpen(false)}>
        <a href={hrefFor({ view: 'topics' })} className={link(route.view === 'topics')} aria-current={route.view === 'topics' ? 'page' : undefined}>
          {t('Topics')}
        </a>
        <a href={hrefFor({ view: 'dashboards' })} className={link(route.view === 'dashboards' && !route.id)} aria-current={route.view === 'dashboards' && !route.id ? 'page' : undefined}>
          {t('Dashboards')}
        </a>
        {dashboards.map((d) => {
          const active = route.view === 'dashboards' && route.id === d.id;
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
      <div className="ml-auto flex flex-wrap items-center gap-3">
        <LiveIndicator />
        {!kiosk && <ConfigButtons />}
        <ThemePicker />
        <LanguagePicker />
        <KioskControls />
      </div>
    </header>
  );
}
