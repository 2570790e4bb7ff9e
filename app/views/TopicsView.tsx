import { ConnectionPanel } from '../components/ConnectionPanel';
import { MessagePanel } from '../components/MessagePanel';
import { PublishPanel } from '../components/PublishPanel';
import { TopicTree } from '../components/TopicTree';
import { TrafficPanel } from '../components/TrafficPanel';
import { useMediaQuery } from '../hooks/useMediaQuery';

/**
 * Explore: connection, live tree, the selected message, publish.
 * Wide screens (≥ 1536 px): connection | tree | message+publish. Narrower: connection above the tree.
 */
export function TopicsView() {
  const wide = useMediaQuery('(min-width: 1536px)');
  const tree = (
    <section aria-label="Topic tree" className="flex min-h-[300px] flex-1 flex-col overflow-hidden rounded border border-hmi-border bg-hmi-panel">
      <TopicTree />
    </section>
  );
  const details = (
    <>
      <MessagePanel />
      <PublishPanel />
    </>
  );
  if (wide) {
    return (
      <div className="grid h-full min-h-0 grid-cols-[400px_minmax(420px,1fr)_minmax(420px,1fr)] gap-2 p-2">
        <div className="flex min-h-0 flex-col gap-2 overflow-auto">
          <ConnectionPanel />
          <TrafficPanel />
        </div>
        <div className="flex min-h-0 flex-col">{tree}</div>
        <div className="flex min-h-0 flex-col gap-2 overflow-auto">{details}</div>
      </div>
    );
  }
  return (
    <div className="grid h-full min-h-0 grid-cols-1 gap-2 p-2 lg:grid-cols-[minmax(360px,5fr)_minmax(360px,4fr)]">
      <div className="flex min-h-[60vh] flex-col gap-2 lg:min-h-0">
        <ConnectionPanel />
        {tree}
      </div>
      <div className="flex min-h-0 flex-col gap-2 overflow-auto">
        {details}
        <TrafficPanel />
      </div>
    </div>
  );
}
