import type { AlarmEngineState } from './alarmEngineState';
import { testRule } from './testRule';

/** Tests waiting for a message at once; older ones give way. */
const MAX_PROBES = 5;

/** "Test against the last value": the rule (as edited) against the newest payload seen for it. */
export function startRuleTest(s: AlarmEngineState, reqId: number, config: unknown): void {
  const result = testRule(reqId, config, s.instances.values(), s.clock.now());
  if ('probe' in result) {
    s.probes = [...s.probes.slice(-(MAX_PROBES - 1)), result.probe];
    s.testResults.push(result.waiting);
  } else s.testResults.push(result);
  s.listener.wake();
}

/** A message: answers the tests that waited for this topic. Called only while some wait. */
export function feedProbes(s: AlarmEngineState, connectionId: string, topic: string, payload: unknown, now: number): void {
  const done = s.probes.filter((p) => p.matches(connectionId, topic));
  if (!done.length) return;
  s.probes = s.probes.filter((p) => !done.includes(p));
  for (const p of done) s.testResults.push(p.evaluate(topic, payload, now));
  s.listener.wake();
}

/** Once a second: tests that waited too long answer "timeout". */
export function expireProbes(s: AlarmEngineState, now: number): void {
  if (!s.probes.length) return;
  const expired = s.probes.filter((p) => p.expiresAt <= now);
  if (!expired.length) return;
  s.probes = s.probes.filter((p) => p.expiresAt > now);
  for (const p of expired) s.testResults.push({ reqId: p.reqId, outcome: 'timeout', text: 'No message arrived on a matching topic within 30 s.', message: { code: 'timeout' } });
  s.listener.wake();
}
