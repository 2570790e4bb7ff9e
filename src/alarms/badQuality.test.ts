import { describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { EngineHarness, rule, T } from './alarmEngineHarness';
import { DIAGNOSTIC_PREFIX } from './QualityAlarms';

const DEAD = 'Edge node Edge1 died (NDEATH)';
const BORN = 'Edge node Edge1 born (NBIRTH)';
const bad = (topics: string[], reason = DEAD, connectionId = 'plant') => ({ connectionId, topics, good: false, reason });
const good = (topics: string[], reason = BORN, connectionId = 'plant') => ({ connectionId, topics, good: true, reason });
const diagKey = (reason = DEAD, conn = 'plant') => `${DIAGNOSTIC_PREFIX}${conn}\u001f${reason}`;

describe('bad quality on alarm instances (ISA-18.2: not a process alarm)', () => {
  it('flags every instance on the topics, journals "Bad quality: <reason>", and neither raises nor clears', () => {
    const h = new EngineHarness(rule(), rule({ id: 't2', name: 'Temp very high', setpoint: 95 }));
    h.send(90); // t1 active, t2 normal
    h.engine.onQuality(bad([T]));
    expect(h.engine.viewOf(instanceKey('t1', T))).toMatchObject({ state: 'unacknowledged', active: true, badQuality: DEAD });
    expect(h.engine.viewOf(instanceKey('t2', T))).toMatchObject({ state: 'normal', badQuality: DEAD });
    const entries = h.journal.filter((e) => e.action === 'bad quality' && e.ruleId !== '');
    expect(entries.map((e) => [e.ruleId, e.reason, e.from, e.to])).toEqual([
      ['t1', `Bad quality: ${DEAD}`, 'unacknowledged', 'unacknowledged'],
      ['t2', `Bad quality: ${DEAD}`, 'normal', 'normal'],
    ]);
    h.engine.onQuality(good([T]));
    expect(h.engine.viewOf(instanceKey('t1', T))?.badQuality).toBeUndefined();
    expect(h.state('t1')).toBe('unacknowledged');
    expect(h.journal.at(-1)?.reason).toBe(`Quality good: ${BORN}`);
  });

  it('leaves other topics and other connections alone', () => {
    const h = new EngineHarness(rule({ topic: 'plant/+/temp' }));
    h.send(50, 'plant/a/temp');
    h.send(50, 'plant/b/temp');
    h.engine.onQuality(bad(['plant/a/temp'], 'another broker', 'other'));
    expect(h.engine.viewOf(instanceKey('t1', 'plant/a/temp'))?.badQuality).toBeUndefined();
    h.engine.onQuality(bad(['plant/a/temp']));
    expect(h.engine.viewOf(instanceKey('t1', 'plant/a/temp'))?.badQuality).toBe(DEAD);
    expect(h.engine.viewOf(instanceKey('t1', 'plant/b/temp'))?.badQuality).toBeUndefined();
  });

  it('an instance that appears while its source is bad starts out flagged', () => {
    const h = new EngineHarness(rule({ topic: 'plant/+/temp' }));
    h.engine.onQuality(bad(['plant/c/temp']));
    h.send(50, 'plant/c/temp');
    expect(h.engine.viewOf(instanceKey('t1', 'plant/c/temp'))?.badQuality).toBe(DEAD);
  });

  it('a stale rule does not raise while bad quality is flagged, and counts silence again from the BIRTH', () => {
    const h = new EngineHarness({ id: 's1', name: 'Comm loss', topic: T, condition: 'stale', staleAfterMs: 5000, priority: 'medium' });
    h.clock.advance(1000);
    h.engine.onQuality(bad([T]));
    h.clock.advance(60_000);
    expect(h.state('s1')).toBe('normal');
    h.engine.onQuality(good([T]));
    h.clock.advance(4999);
    expect(h.state('s1')).toBe('normal');
    h.clock.advance(1);
    expect(h.state('s1')).toBe('unacknowledged');
  });
});

describe('"Bad quality" diagnostic rows: one per source, priority low', () => {
  it('one row for a dead node however many alarms it carries; acknowledged, then normal and gone on BIRTH', () => {
    const h = new EngineHarness(rule({ topic: 'spBv1.0/G/DDATA/Edge1/+' }), rule({ id: 't2', topic: 'spBv1.0/G/DDATA/Edge1/+', setpoint: 95 }));
    h.engine.onQuality(bad(['spBv1.0/G/DDATA/Edge1/D1', 'spBv1.0/G/DDATA/Edge1/D2', 'spBv1.0/G/NDATA/Edge1']));
    const { upsert } = h.engine.takeChanges(true);
    const rows = upsert.filter((v) => v.diagnostic);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      key: diagKey(), name: 'Bad quality', priority: 'low', state: 'unacknowledged', message: `Bad quality: ${DEAD}`,
      topic: 'spBv1.0/G/DDATA/Edge1/D1 (+1 more)', connectionId: 'plant',
    });
    expect(h.engine.takeSummary()?.unacknowledged.low).toBe(1);
    expect(h.engine.acknowledge([diagKey()])).toEqual([diagKey()]);
    expect(h.engine.viewOf(diagKey())?.state).toBe('acknowledged');
    h.engine.onQuality(good(['spBv1.0/G/DDATA/Edge1/D1', 'spBv1.0/G/DDATA/Edge1/D2', 'spBv1.0/G/NDATA/Edge1']));
    expect(h.engine.viewOf(diagKey())).toBeUndefined();
    expect(h.engine.takeChanges(true).remove).toContain(diagKey());
    expect(h.journal.filter((e) => e.ruleName === 'Bad quality').map((e) => `${e.action}:${e.from}→${e.to}`)).toEqual([
      'bad quality:normal→unacknowledged', 'acknowledge:unacknowledged→acknowledged', 'quality good:acknowledged→normal',
    ]);
  });

  it('good again before acknowledgement: returned unacknowledged until the operator acknowledges', () => {
    const h = new EngineHarness(rule());
    h.engine.onQuality(bad([T]));
    h.engine.onQuality(good([T]));
    expect(h.engine.viewOf(diagKey())?.state).toBe('returned-unacknowledged');
    expect(h.engine.takeSummary()?.unacknowledged.low).toBe(1);
    h.engine.acknowledge([diagKey()]);
    expect(h.engine.viewOf(diagKey())).toBeUndefined();
  });

  it('needs an alarm rule on the source: unwatched topics raise nothing', () => {
    const h = new EngineHarness(rule());
    h.engine.onQuality(bad(['other/topic']));
    expect(h.engine.viewOf(diagKey())).toBeUndefined();
    expect(h.journal).toEqual([]);
  });

  it('a topic moves to the newest bad change: the node went stale, then died', () => {
    const h = new EngineHarness(rule());
    const STALE = 'Edge node Edge1 stale (seq gap)';
    h.send(50);
    h.engine.onQuality(bad([T], STALE));
    h.engine.onQuality(bad([T], DEAD));
    expect(h.engine.viewOf(diagKey(STALE))?.state).toBe('returned-unacknowledged');
    expect(h.engine.viewOf(diagKey(DEAD))?.state).toBe('unacknowledged');
    expect(h.engine.viewOf(instanceKey('t1', T))?.badQuality).toBe(DEAD);
  });

  it('is sent again in full when the UI starts over', () => {
    const h = new EngineHarness(rule());
    h.engine.onQuality(bad([T]));
    expect(h.engine.resend().map((v) => v.key)).toEqual([diagKey()]);
  });
});
