import { describe, expect, it } from 'vitest';
import { STATE_TEXT } from '../../src/alarms';
import { STATE_LABEL } from './stateText';

describe('alarm state labels', () => {
  it('are the engine state texts in English (translated only at display)', () => {
    expect(STATE_LABEL).toEqual(STATE_TEXT);
  });
});
