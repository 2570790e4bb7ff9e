import { describe, expect, it } from 'vitest';
import { canFold, EMPTY_FOLD, isFolded, noteConnected, noteConnectPressed, toggleEditing } from './connectionFold';

describe('connection form folding', () => {
  it('stays open until the connection has connected', () => {
    expect(isFolded(EMPTY_FOLD, 'plant', true, 'connecting')).toBe(false);
    expect(canFold(EMPTY_FOLD, 'plant', true, 'connecting')).toBe(false);
    expect(isFolded(noteConnected(EMPTY_FOLD, 'plant'), 'plant', true, 'connected')).toBe(true);
  });

  it('stays folded through a network loss, but opens on an error the user must fix', () => {
    const m = noteConnected(EMPTY_FOLD, 'plant');
    expect(isFolded(m, 'plant', true, 'reconnecting')).toBe(true);
    expect(isFolded(m, 'plant', true, 'disconnected')).toBe(true);
    expect(isFolded(m, 'plant', true, 'error')).toBe(false);
  });

  it('never folds an unsaved draft or another connection', () => {
    const m = noteConnected(EMPTY_FOLD, 'plant');
    expect(isFolded(m, 'plant', false, 'connected')).toBe(false);
    expect(isFolded(m, 'other', true, 'connected')).toBe(false);
  });

  it('"Edit connection" opens it until pressed again or until Connect has connected', () => {
    let m = toggleEditing(noteConnected(EMPTY_FOLD, 'plant'), 'plant');
    expect(isFolded(m, 'plant', true, 'connected')).toBe(false);
    // A reconnect on its own does not fold the form under the user's fingers.
    m = noteConnected(m, 'plant');
    expect(isFolded(m, 'plant', true, 'connected')).toBe(false);
    expect(isFolded(toggleEditing(m, 'plant'), 'plant', true, 'connected')).toBe(true);
    m = noteConnectPressed(m, 'plant');
    expect(isFolded(m, 'plant', true, 'connecting')).toBe(false);
    expect(isFolded(noteConnected(m, 'plant'), 'plant', true, 'connected')).toBe(true);
  });
});
