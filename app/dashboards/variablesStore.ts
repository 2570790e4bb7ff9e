import { create } from 'zustand';
import { variablesFromSearch, type VariableValues } from './variables';

/** Picked dashboard variable values (issue 15), first from the page's URL (`?var-name=value`). */
export interface VariablesState {
  values: VariableValues;
}

export const useVariablesStore = create<VariablesState>(() => ({
  values: typeof window === 'undefined' ? {} : variablesFromSearch(window.location.search),
}));
