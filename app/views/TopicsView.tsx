import { ConnectionPanel } from '../components/ConnectionPanel';
import { MessagePanel } from '../components/MessagePanel';
import { PublishPanel } from '../components/PublishPanel';
import { TopicTree } from '../components/TopicTree';
import { TrafficPanel } from '../components/TrafficPanel';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useKiosk } from '../kiosk';
import { useT } from '../i18n/useT';
import { useAfterFirstPaint } from '../topics/useAfterFirstPaint';

/**
 * Explore: connection, live tree, the selected message, publish.
 * Wide screens (≥ 1536 px): connection | tree | message+publish. Narrower: connection above the tree.
 */
export function TopicsView() {
  const t = useT();
  const wide = useMediaQuery('(min-width: 1536px)');
  // Kiosk: no connection form and no publishing (the header shows the connection status).
  const kiosk = useKiosk();
  // The tree (and the connection form above it, which would move it) comes first; the message,
  // publish and traffic panels, in their own column or below, one frame later.
  const panels = useAfterFirstPaint();
  const tree = (
    <section aria-label={t('Topic tree')} className="flex min-h-[300px] flex-1 flex-col max-lg:h-[60vh] max-lg:flex-none overflow-hidden rounded border border-hmi-border bg-hmi-panel">
      <TopicTree />
    </section>
  );
  const details = panels && (
    <>
      <MessagePanel />
      {!kiosk && <PublishPanel />}
    </>
  );
  const traffic = panels && <TrafficPanel />;
  if (wide) {
    return (
      <div className="grid h-full min-h-0 grid-cols-[400px_minmax(420px,1fr)_minmax(420px,1fr)] gap-2 p-2">
        <div className="flex min-h-0 flex-col gap-2 overflow-auto">
          {!kiosk && <ConnectionPanel />}
          {traffic}
        </div>
        <div className="flex min-h-0 flex-col">{tree}</div>
        <div className="flex min-h-0 flex-col gap-2 overflow-auto [&>*]:shrink-0">{details}</div>
      </div>
    );
  }
  // Below 1024 px (tablet portrait) one column that scrolls as a whole: connection, the tree at
  // 60 % of the height, then message, publish and traffic at their natural height.
  return (
    <div className="grid h-full min-h-0 grid-cols-1 content-start gap-2 overflow-y-auto p-2 lg:grid-cols-[minmax(360px,5fr)_minmax(360px,4fr)] lg:content-normal lg:overflow-visible">
      <div className="flex flex-col gap-2 lg:min-h-0 lg:overflow-y-auto">
        {!kiosk && <ConnectionPanel />}
        {tree}
      </div>
      <div className="flex flex-col gap-2 lg:min-h-0 lg:overflow-auto [&>*]:shrink-0">
        {details}
        {traffic}
      </div>
    </div>
  );
}
