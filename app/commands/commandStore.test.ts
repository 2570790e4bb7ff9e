import { describe, expect, it } from 'vitest';
import type { PublishResult } from '../../src/engine/protocol';
import { isFinalResult, runAfter, type CommandRun } from './commandStore';

const run: CommandRun = { reqId: 1, startedAt: 0, outcome: 'sending', text: 'Sending', tone: 'pending', awaitingReply: true };
const result = (outcome: PublishResult['outcome'], over: Partial<PublishResult> = {}): PublishResult => ({ type: 'publishResult', reqId: 1, outcome, at: 0, ...over });

describe('runAfter', () => {
  it.each<[PublishResult, Partial<CommandRun>]>([
    [result('sent'), { outcome: 'sent', text: 'Sent', tone: 'ok', awaitingReply: true }],
    [result('delivered'), { outcome: 'delivered', text: 'Delivered', tone: 'ok' }],
    [result('delivered', { reason: 'broker used QoS 1' }), { outcome: 'delivered', text: 'Delivered (broker used QoS 1)', tone: 'ok' }],
    [result('queued'), { outcome: 'queued', text: 'Queued: will be sent when the connection is back', tone: 'pending' }],
    [result('failed', { reason: 'Not authorized (0x87)' }), { outcome: 'failed', text: 'Failed: Not authorized (0x87)', tone: 'failed', awaitingReply: false }],
    [result('failed'), { text: 'Failed: unknown reason' }],
  ])('%j', (r, expected) => {
    expect(runAfter(run, r)).toMatchObject(expected);
  });

  it('keeps the outcome and adds the reply', () => {
    const delivered = runAfter(run, result('delivered'));
    const replied = runAfter(delivered, result('reply', { reply: { topic: 'r/1', payload: new TextEncoder().encode('{"ok":1}'), rttMs: 42 } }));
    expect(replied).toMatchObject({ outcome: 'delivered', text: 'Delivered', awaitingReply: false, reply: { topic: 'r/1', text: '{"ok":1}', rttMs: 42 } });
  });
});

describe('isFinalResult', () => {
  it.each<[PublishResult['outcome'], boolean, boolean]>([
    ['sent', false, true],
    ['delivered', false, true],
    ['delivered', true, false],
    ['queued', false, false],
    ['failed', true, true],
  ])('%s awaiting reply %s → %s', (outcome, awaiting, final) => {
    expect(isFinalResult(result(outcome), awaiting)).toBe(final);
  });

  it('ends with the reply', () => {
    expect(isFinalResult(result('reply', { reply: { topic: 'r', payload: new Uint8Array(), rttMs: 1 } }), true)).toBe(true);
  });
});
