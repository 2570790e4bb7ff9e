import { describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock';
import type { EngineHost } from '../engine/EngineFeature';
import { AlarmEngine } from './AlarmEngine';
import { instanceKey } from './AlarmInstance';
import { AlarmSharing } from './AlarmSharing';
import { journalEntry, NO_SUBJECT } from './journalEntry';

function setup() {
  const clock = new ManualClock();
  const published: { conn: string; topic: string; body: unknown }[] = [];
  const host = { clock, publish: (conn: string, topic: string, payload: Uint8Array) => published.push({ conn, topic, body: JSON.parse(new TextDecoder().decode(payload)) }), wake: () => undefined } as unknown as EngineHost;
  const engine = new AlarmEngine(clock, { journal: () => undefined, persist: () => undefined, persistService: () => undefined, wake: () => undefined });
  engine.setRules([{ id: 't1', topic: 'a', path: '', condition: 'above', setpoint: 1, priority: 'low' }]);
  engine.onMessage('plant', 'a', 5, '5', clock.now());
  const sharing = new AlarmSharing(host, engine);
  return { engine, sharing, published };
}

describe('AlarmSharing', () => {
  it('is off without topics', () => {
    const { sharing, published } = setup();
    sharing.shareAcks([instanceKey('t1', 'a')]);
    sharing.publishTransition(journalEntry(NO_SUBJECT, { at: 1, kind: 'transition', action: 'x', trigger: 'process', station: 's', from: 'normal', to: 'unacknowledged' }));
    expect(published).toEqual([]);
  });

  it('shares acknowledgements on the alarm connection, and takes other screens’ but not its own', () => {
    const { engine, sharing, published } = setup();
    sharing.configure({ shareAcksTopic: 'acks' }, 'screen-1');
    sharing.shareAcks([instanceKey('t1', 'a')]);
    expect(published).toMatchObject([{ conn: 'plant', topic: 'acks', body: { type: 'acknowledge', station: 'screen-1', alarms: [{ ruleId: 't1', topic: 'a' }] } }]);
    sharing.receive('acks', { type: 'acknowledge', station: 'screen-1', alarms: [{ ruleId: 't1', topic: 'a' }] });
    expect(engine.viewOf(instanceKey('t1', 'a'))?.state).toBe('unacknowledged');
    sharing.receive('other', { type: 'acknowledge', station: 'screen-2', alarms: [{ ruleId: 't1', topic: 'a' }] });
    expect(engine.viewOf(instanceKey('t1', 'a'))?.state).toBe('unacknowledged');
    sharing.receive('acks', { type: 'acknowledge', station: 'screen-2', alarms: [{ ruleId: 't1', topic: 'a' }] });
    expect(engine.viewOf(instanceKey('t1', 'a'))?.state).toBe('acknowledged');
  });

  it('publishes state changes only, on the configured connection when set', () => {
    const { sharing, published } = setup();
    sharing.configure({ publishTopic: 'alarms/out', connection: 'scada' }, 's');
    const at = { at: 1, kind: 'transition' as const, action: 'x', trigger: 'process', station: 's' };
    sharing.publishTransition(journalEntry({ ...NO_SUBJECT, connectionId: 'plant' }, { ...at, from: 'normal', to: 'normal' }));
    sharing.publishTransition(journalEntry({ ...NO_SUBJECT, connectionId: 'plant' }, { ...at, from: 'normal', to: 'unacknowledged' }));
    expect(published).toMatchObject([{ conn: 'scada', topic: 'alarms/out', body: { type: 'alarm-transition', to: 'unacknowledged' } }]);
  });
});
