/** Alarm list; the alarm engine fills it. */
export function AlarmsView() {
  return (
    <div className="p-4">
      <h1 className="mb-3 text-lg font-semibold">Alarms</h1>
      <p className="text-hmi-muted">No alarm rules are active.</p>
    </div>
  );
}
