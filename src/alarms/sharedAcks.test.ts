import { describe, expect, it } from 'vitest';
import { instanceKey } from './AlarmInstance';
import { decodeShared, MAX_SNAPSHOT_ACKS } from './sharedAlarmMessage';
import { ACKS, Bus, Screen } from './sharingHarness';
import { seenOf, snapshotIsBehind } from './snapshotCoverage';

// Acknowledgements in the retained snapshot (AlarmSharing, remoteActions.ts): a screen that opens
// later shows alarms acknowledged elsewhere as acknowledged, and an ack never silences a newer activation.

const W = instanceKey('t2', 'w/1');
const ackedIn = (snapshot: unknown) => (snapshot as { acks: { topic: string }[] }).acks.map((a) => a.topic);

describe('acknowledgements in the shared snapshot', () => {
  it('a screen that opens later shows the alarm acknowledged; a new activation after that is unacknowledged everywhere', () => {
    const bus = new Bus();
    const a = bus.screen('screen-1');
    a.send(5, 'w/1');
    a.sharing.shareAcks(a.engine.acknowledge([W]));
    expect(bus.retained.get(ACKS)).toMatchObject({ type: 'snapshot', station: 'screen-1', acks: [{ ruleId: 't2', topic: 'w/1' }] });

    bus.clock.advance(60_000);
    // Opens later: the snapshot comes before any message on the alarm's topic.
    const b = bus.screen('screen-2');
    b.send(5, 'w/1');
    expect(b.state(W)).toBe('acknowledged');
    expect(b.journal.at(-1)).toMatchObject({ action: 'acknowledge', trigger: 'remote', station: 'screen-1', to: 'acknowledged' });

    // The condition clears and comes back: a new activation, on both screens.
    bus.clock.advance(1000);
    for (const s of [a, b]) s.send(0, 'w/1');
    bus.clock.advance(1000);
    for (const s of [a, b]) s.send(5, 'w/1');
    expect([a.state(W), b.state(W)]).toEqual(['unacknowledged', 'unacknowledged']);
    // The retained snapshot still holds the old ack: one screen replaces it, and a screen opening
    // now does not take that ack for the new activation.
    bus.clock.advance(10_000);
    expect(ackedIn(bus.retained.get(ACKS))).toEqual([]);
    expect(bus.snapshots()).toHaveLength(2);
    const c = bus.screen('screen-3');
    c.send(5, 'w/1');
    expect(c.state(W)).toBe('unacknowledged');
  });

  it('an ack applies to the activation standing when it was made, not to a newer one', () => {
    const bus = new Bus();
    const a = bus.screen('screen-1');
    // Two screens off the bus: one saw the activation before the ack, one only a later activation.
    const before = new Screen(bus, 'screen-2', { shareAcksTopic: ACKS });
    for (const s of [a, before]) s.send(5, 'w/1');
    bus.clock.advance(1000);
    a.sharing.shareAcks(a.engine.acknowledge([W]));
    bus.clock.advance(1000);
    const after = new Screen(bus, 'screen-3', { shareAcksTopic: ACKS });
    after.send(0, 'w/1');
    after.send(5, 'w/1');
    for (const s of [before, after]) s.sharing.receive('plant', ACKS, bus.retained.get(ACKS));
    expect([before.state(W), after.state(W)]).toEqual(['acknowledged', 'unacknowledged']);
    expect(before.journal.at(-1)).toMatchObject({ action: 'acknowledge', trigger: 'remote', station: 'screen-1' });
  });

  it('a screen that opens to a normal alarm drops the ack: the next activation is a new one', () => {
    const bus = new Bus();
    const a = bus.screen('screen-1');
    a.send(5, 'w/1');
    a.sharing.shareAcks(a.engine.acknowledge([W]));
    const b = bus.screen('screen-2');
    b.send(0, 'w/1');
    b.send(5, 'w/1');
    expect(b.state(W)).toBe('unacknowledged');
  });

  it('keeps the newest acknowledgements, at most 1 000, newest first', () => {
    const bus = new Bus();
    const a = bus.screen('screen-1');
    const n = MAX_SNAPSHOT_ACKS + 5;
    for (let i = 0; i < n; i++) a.send(5, `w/${i}`);
    a.sharing.shareAcks(a.engine.acknowledge([instanceKey('t2', 'w/0')]));
    bus.clock.advance(1000);
    // One action on the rest: the latest action's alarms are the newest.
    a.sharing.shareAcks(a.engine.acknowledge(Array.from({ length: n - 1 }, (_, i) => instanceKey('t2', `w/${i + 1}`))));
    const acked = ackedIn(bus.retained.get(ACKS));
    expect(acked).toHaveLength(MAX_SNAPSHOT_ACKS);
    expect(acked).not.toContain('w/0');
    expect(acked).toContain(`w/${n - 1}`);
  });

  it('two screens acting in the same instant: one corrects the retained snapshot, once', () => {
    const bus = new Bus();
    const [a, b] = [bus.screen('screen-1'), bus.screen('screen-2')];
    for (const s of [a, b]) for (const t of ['w/1', 'w/2']) s.send(5, t);
    bus.holding = true;
    a.sharing.shareAcks(a.engine.acknowledge([W]));
    b.sharing.shareAcks(b.engine.acknowledge([instanceKey('t2', 'w/2')]));
    // The broker gets both events first, then both snapshots: it keeps screen-2's, which lacks screen-1's ack.
    bus.deliver((h) => [...h.filter((p) => !p.retain), ...h.filter((p) => p.retain)]);
    expect(ackedIn(bus.retained.get(ACKS))).toEqual(['w/2']);
    bus.clock.advance(30_000);
    expect(ackedIn(bus.retained.get(ACKS)).sort()).toEqual(['w/1', 'w/2']);
    expect(bus.snapshots()).toHaveLength(3);
    // A screen opening now has both.
    const c = bus.screen('screen-3');
    for (const t of ['w/1', 'w/2']) c.send(5, t);
    expect([c.state(W), c.state(instanceKey('t2', 'w/2'))]).toEqual(['acknowledged', 'acknowledged']);
  });
});

describe('snapshot coverage', () => {
  const stands = () => true;
  const mine = { shelves: [{ key: 'k1', until: 9, reason: '' }], resets: [{ key: 'k2', at: 5 }], acks: [{ key: 'k3', at: 4 }] };

  it('is behind when it lacks a shelf, a newer reset or an ack this screen holds, or holds a stale ack', () => {
    expect(snapshotIsBehind(seenOf(mine), mine, stands)).toBe(false);
    expect(snapshotIsBehind(null, mine, stands)).toBe(true);
    expect(snapshotIsBehind(null, { shelves: [], resets: [], acks: [] }, stands)).toBe(false);
    expect(snapshotIsBehind(seenOf({ ...mine, shelves: [] }), mine, stands)).toBe(true);
    expect(snapshotIsBehind(seenOf({ ...mine, resets: [{ key: 'k2', at: 4 }] }), mine, stands)).toBe(true);
    expect(snapshotIsBehind(seenOf({ ...mine, acks: [] }), mine, stands)).toBe(true);
    expect(snapshotIsBehind(seenOf(mine), mine, (key) => key !== 'k3')).toBe(true);
  });

  it('is not behind for what only the retained snapshot knows (another screen’s alarms)', () => {
    const more = { shelves: [...mine.shelves, { key: 'x', until: 9, reason: '' }], resets: [...mine.resets, { key: 'y', at: 1 }], acks: [...mine.acks, { key: 'z', at: 1 }] };
    expect(snapshotIsBehind(seenOf(more), mine, stands)).toBe(false);
  });
});

describe('snapshot acks on the wire', () => {
  it('accepts a snapshot written before acks were shared, and rejects bad or too many acks', () => {
    expect(decodeShared({ type: 'snapshot', station: 's', at: 1, shelves: [], resets: [] })).toMatchObject({ ok: true, msg: { acks: [] } });
    const snap = (acks: unknown) => decodeShared({ type: 'snapshot', station: 's', at: 1, shelves: [], resets: [], acks });
    expect(snap([{ ruleId: 't1', topic: 'a' }])).toMatchObject({ ok: false, error: 'a snapshot ack is not valid' });
    expect(snap('all')).toMatchObject({ ok: false });
    expect(snap(Array.from({ length: MAX_SNAPSHOT_ACKS + 1 }, () => ({ ruleId: 't1', topic: 'a', at: 1 })))).toMatchObject({ ok: false });
  });
});
