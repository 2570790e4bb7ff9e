import { describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { journalEntry, NO_SUBJECT } from './journalEntry';
import { decodeShared, encodeShared, MAX_SNAPSHOT_SHELVES } from './sharedAlarmMessage';
import { ACKS, Bus, KEY, Screen } from './sharingHarness';

describe('AlarmSharing', () => {
  it('is off without topics', () => {
    const bus = new Bus();
    const a = bus.screen('screen-1', {});
    a.send(5);
    a.sharing.shareAcks([KEY]);
    a.sharing.shareShelves(a.engine.shelve([KEY], 60_000, 'x'));
    a.sharing.publishTransition(journalEntry(NO_SUBJECT, { at: 1, kind: 'transition', action: 'x', trigger: 'process', station: 's', from: 'normal', to: 'unacknowledged' }));
    expect(bus.published).toEqual([]);
  });

  it('shares acknowledgements on the alarm connection, and takes other screens’ but not its own', () => {
    const bus = new Bus();
    const [a, b] = [bus.screen('screen-1'), bus.screen('screen-2')];
    a.send(5);
    b.send(5);
    a.sharing.shareAcks([KEY]);
    expect(bus.published).toMatchObject([
      { conn: 'plant', topic: ACKS, retain: false, body: { type: 'acknowledge', station: 'screen-1', alarms: [{ ruleId: 't1', topic: 'a' }] } },
      { conn: 'plant', topic: ACKS, retain: true, body: { type: 'snapshot', station: 'screen-1', acks: [{ ruleId: 't1', topic: 'a' }] } },
    ]);
    // screen-1 ignores its own message; screen-2 acknowledges.
    expect(a.state()).toBe('unacknowledged');
    expect(b.state()).toBe('acknowledged');
    expect(b.journal.at(-1)).toMatchObject({ action: 'acknowledge', trigger: 'remote', station: 'screen-1' });
    // Another topic is not the shared one.
    b.send(0);
    b.send(5);
    b.sharing.receive('plant', 'other', { type: 'acknowledge', station: 'screen-3', alarms: [{ ruleId: 't1', topic: 'a' }] });
    expect(b.state()).toBe('unacknowledged');
  });

  it('shelves and unshelves on every screen, with the same absolute expiry', () => {
    const bus = new Bus();
    const [a, b] = [bus.screen('screen-1'), bus.screen('screen-2')];
    a.send(5);
    b.send(5);
    bus.clock.advance(1000);
    a.sharing.shareShelves(a.engine.shelve([KEY], 60_000, 'sensor replaced'));
    const until = bus.clock.now() + 60_000;
    expect(b.engine.viewOf(KEY)).toMatchObject({ state: 'shelved', shelvedUntil: until, shelveReason: 'sensor replaced' });
    expect(b.journal.at(-1)).toMatchObject({ to: 'shelved', trigger: 'remote', station: 'screen-1', reason: 'sensor replaced' });
    // Both expire at the same moment, each by its own clock.
    bus.clock.advance(59_999);
    expect([a.state(), b.state()]).toEqual(['shelved', 'shelved']);
    bus.clock.advance(1);
    expect([a.state(), b.state()]).toEqual(['unacknowledged', 'unacknowledged']);

    b.sharing.shareShelves(b.engine.shelve([KEY], 60_000, 'again'));
    expect(a.state()).toBe('shelved');
    b.sharing.shareUnshelves(b.engine.unshelve([KEY]));
    expect([a.state(), b.state()]).toEqual(['unacknowledged', 'unacknowledged']);
  });

  it('a late-joining screen learns the current shelves and recent resets from the retained snapshot', () => {
    const bus = new Bus();
    const a = bus.screen('screen-1');
    a.send(5);
    a.sharing.shareShelves(a.engine.shelve([KEY], 60_000, 'maintenance'));
    expect(bus.published.filter((p) => p.retain)).toMatchObject([{ topic: ACKS, body: { type: 'snapshot', shelves: [{ ruleId: 't1', topic: 'a', reason: 'maintenance' }], resets: [] } }]);
    bus.clock.advance(5000);
    // Joins before its first message on the topic: the shelve waits for the instance.
    const b = bus.screen('screen-2');
    expect(b.state()).toBe('normal');
    b.send(5);
    expect(b.engine.viewOf(KEY)).toMatchObject({ state: 'shelved', shelvedUntil: 60_000 + bus.clock.now() - 5000 });

    // A snapshot whose shelves have all expired shelves nothing.
    bus.clock.advance(60_000);
    const c = bus.screen('screen-3');
    c.send(5);
    expect(c.state()).toBe('unacknowledged');
  });

  it('a reset of a latched alarm is shared; a screen that was offline resets a latch older than the reset only', () => {
    const bus = new Bus();
    const [a, b] = [bus.screen('screen-1'), bus.screen('screen-2')];
    // screen-3 latches too, then loses its connection (not on the bus).
    const offline = new Screen(bus, 'screen-3', { shareAcksTopic: ACKS });
    for (const s of [a, b, offline]) {
      s.send(5);
      s.send(0);
    }
    expect(b.state()).toBe('latched-unacknowledged');
    a.engine.acknowledge([KEY]);
    bus.clock.advance(1000);
    a.sharing.shareResets(a.engine.reset([KEY]));
    // screen-2 never acknowledged: the other operator did, so it is acknowledged and reset together.
    expect([a.state(), b.state()]).toEqual(['normal', 'normal']);
    expect(b.journal.slice(-2).map((e) => [e.action, e.trigger, e.to])).toEqual([['acknowledge', 'remote', 'latched-acknowledged'], ['reset', 'remote', 'normal']]);
    expect(bus.retained.get(ACKS)).toMatchObject({ type: 'snapshot', station: 'screen-1', resets: [{ ruleId: 't1', topic: 'a' }] });

    // A latch raised after the reset needs its own reset.
    bus.clock.advance(1000);
    const newer = new Screen(bus, 'screen-4', { shareAcksTopic: ACKS });
    newer.send(5);
    newer.send(0);
    // Both come back and get the retained snapshot.
    for (const s of [offline, newer]) s.sharing.receive('plant', ACKS, bus.retained.get(ACKS));
    expect([offline.state(), newer.state()]).toEqual(['normal', 'latched-unacknowledged']);
  });

  it('ignores malformed and hostile messages, with one journal note a minute', () => {
    const bus = new Bus();
    const b = bus.screen('screen-2');
    b.send(5);
    const bad: unknown[] = [
      undefined,
      'text',
      { type: 'shelve', station: 'x', at: 1, until: 'soon', alarms: [{ ruleId: 't1', topic: 'a' }] },
      { type: 'acknowledge', station: 'x', at: 1, alarms: [{ ruleId: 't1' }] },
      { type: 'explode', station: 'x', at: 1, alarms: [] },
      { type: 'snapshot', station: 'x', at: 1, shelves: Array.from({ length: MAX_SNAPSHOT_SHELVES + 1 }, () => ({ ruleId: 't1', topic: 'a', until: 9e15 })), resets: [] },
      { type: 'reset', at: 1, alarms: [{ ruleId: 't1', topic: 'a' }] },
    ];
    for (const msg of bad) b.sharing.receive('plant', ACKS, msg);
    expect(b.state()).toBe('unacknowledged');
    const notes = () => b.journal.filter((e) => e.action === 'shared alarm message ignored');
    expect(notes()).toMatchObject([{ kind: 'system', connectionId: 'plant', topic: ACKS, reason: 'not a JSON object' }]);
    bus.clock.advance(60_000);
    b.sharing.receive('plant', ACKS, { type: 'acknowledge', station: 'x', at: -5, alarms: [] });
    expect(notes()[1].reason).toBe('no valid time (and 6 more since the last note)');
  });
});

describe('shared alarm messages', () => {
  it('round-trip through JSON, and a shelve reason is cut to its bound', () => {
    const shelve = { type: 'shelve', station: 's', at: 5, until: 65, reason: 'r'.repeat(500), keys: [KEY, instanceKey('t2', 'x/y')] } as const;
    const back = decodeShared(JSON.parse(encodeShared(shelve)));
    expect(back).toEqual({ ok: true, msg: { ...shelve, reason: 'r'.repeat(200) } });
    const snapshot = { type: 'snapshot', station: 's', at: 5, shelves: [{ key: KEY, until: 9, reason: '' }], resets: [{ key: KEY, at: 3 }], acks: [{ key: KEY, at: 4 }] } as const;
    expect(decodeShared(JSON.parse(encodeShared(snapshot)))).toEqual({ ok: true, msg: snapshot });
  });

  it('accepts the acknowledgements of screens that did not send a time', () => {
    expect(decodeShared({ type: 'acknowledge', station: 's', alarms: [{ ruleId: 't1', topic: 'a' }] })).toEqual({ ok: true, msg: { type: 'acknowledge', station: 's', at: 0, keys: [KEY] } });
  });

  it('rejects ids that would forge another key', () => {
    expect(decodeShared({ type: 'reset', station: 's', at: 1, alarms: [{ ruleId: 't1\u001fa', topic: 'b' }] })).toMatchObject({ ok: false });
  });
});
