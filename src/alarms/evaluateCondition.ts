import type { CompiledRule, CompiledSuppression } from './compileRule';
import { numberOrUndefined as toNumber } from '../payload';

/**
 * The raw process condition for one value, before on/off delays. `wasTrue` is the previous raw
 * condition, for the deadband (hysteresis): `above` turns true when value > setpoint and false
 * only when value < setpoint − deadband (ui-contract.md "Alarms"; `below` mirrored).
 * For the rate conditions `value` is the rate per second. Undefined when the value is unusable
 * (missing, not a number for a numeric condition): the condition then keeps its last state.
 */
export function evaluateCondition(rule: CompiledRule, value: unknown, wasTrue: boolean): boolean | undefined {
  switch (rule.condition) {
    case 'above':
    case 'rate-above': {
      const n = toNumber(value);
      if (n === undefined) return undefined;
      return wasTrue ? n >= rule.setNum - rule.deadband : n > rule.setNum;
    }
    case 'below':
    case 'rate-below': {
      const n = toNumber(value);
      if (n === undefined) return undefined;
      return wasTrue ? n <= rule.setNum + rule.deadband : n < rule.setNum;
    }
    case 'equal':
    case 'not-equal': {
      const eq = equalsSetpoint(value, rule.setNum, rule.setText);
      if (eq === undefined) return undefined;
      return rule.condition === 'equal' ? eq : !eq;
    }
    case 'state': {
      const text = scalarText(value);
      return text === undefined ? undefined : rule.states!.has(text);
    }
    case 'stale':
      // Stale alarms are driven by time, not values (AlarmEngine's stale timer).
      return undefined;
  }
}

/** Whether a suppression-by-design condition holds for a value on its topic. */
export function suppressionHolds(s: CompiledSuppression, value: unknown): boolean | undefined {
  switch (s.condition) {
    case 'above':
    case 'below': {
      const n = toNumber(value);
      if (n === undefined || typeof s.value !== 'number') return undefined;
      return s.condition === 'above' ? n > s.value : n < s.value;
    }
    case 'equal':
    case 'not-equal': {
      const eq = equalsSetpoint(value, typeof s.value === 'number' ? s.value : NaN, String(s.value));
      if (eq === undefined) return undefined;
      return s.condition === 'equal' ? eq : !eq;
    }
  }
}

function equalsSetpoint(value: unknown, setNum: number, setText: string): boolean | undefined {
  if (Number.isFinite(setNum)) {
    const n = toNumber(value);
    if (n !== undefined) return n === setNum;
  }
  const text = scalarText(value);
  return text === undefined ? undefined : text === setText;
}

/** Text of a scalar payload value; objects and arrays have none. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
