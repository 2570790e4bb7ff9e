import { ConnectionPanel } from '../components/ConnectionPanel';
import { MessagePanel } from '../components/MessagePanel';
import { PublishPanel } from '../components/PublishPanel';
import { TopicTree } from '../components/TopicTree';
import { TrafficPanel } from '../components/TrafficPanel';

/** Explore: connection, live tree, the selected message, publish. */
export function TopicsView() {
  return (
    <div className="grid h-full min-h-0 grid-cols-1 gap-2 p-2 lg:grid-cols-[minmax(360px,5fr)_minmax(360px,4fr)]">
      <div className="flex min-h-[60vh] flex-col gap-2 lg:min-h-0">
        <ConnectionPanel />
        <section aria-label="Topic tree" className="flex min-h-[300px] flex-1 flex-col overflow-hidden rounded border border-hmi-border bg-hmi-panel">
          <TopicTree />
        </section>
      </div>
      <div className="flex min-h-0 flex-col gap-2 overflow-auto">
        <MessagePanel />
        <PublishPanel />
        <TrafficPanel />
      </div>
    </div>
  );
}
