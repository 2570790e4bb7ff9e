import { useVariablesStore } from './variablesStore';
import type { VariableValues } from './variables';

/** The picked dashboard variable values, by name. */
export const useVariableValues = (): VariableValues => useVariablesStore((s) => s.values);
