import { hrefFor, type Route } from '../hooks/useHashRoute';
import { useSite } from '../hooks/useSite';
import { ConfigButtons } from './ConfigButtons';
import { LiveIndicator } from './LiveIndicator';

const link = (active: boolean) =>
  `rounded px-3 py-1 text-[13px] ${active ? 'bg-hmi-bg font-semibold text-hmi-text' : 'text-[#e8e9ea] hover:bg-[#4a5056]'}`;

export function Header({ route }: { route: Route }) {
  const dashboards = useSite((s) => s.config.dashboards);
  return (
    <header className="flex flex-wrap items-center gap-3 bg-hmi-header px-3 py-1.5">
      <span className="font-semibold tracking-wide text-[#f4f4f5]">Sightglass</span>
      <nav aria-label="Views" className="flex flex-wrap gap-1">
        <a href={hrefFor({ view: 'topics' })} className={link(route.view === 'topics')} aria-current={route.view === 'topics' ? 'page' : undefined}>
          Topics
        </a>
        <a href={hrefFor({ view: 'dashboards' })} className={link(route.view === 'dashboards' && !route.id)} aria-current={route.view === 'dashboards' && !route.id ? 'page' : undefined}>
          Dashboards
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
          Alarms
        </a>
      </nav>
      <div className="ml-auto flex items-center gap-3">
        <LiveIndicator />
        <ConfigButtons />
      </div>
    </header>
  );
}
