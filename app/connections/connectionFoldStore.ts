import { create } from 'zustand';
import { EMPTY_FOLD, type FoldMemory } from './connectionFold';

/** The connection form's fold memory; outlives the Topics view so coming back keeps the one line. */
export const useConnectionFoldStore = create<FoldMemory>(() => EMPTY_FOLD);
