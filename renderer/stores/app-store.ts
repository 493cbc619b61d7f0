import { create } from 'zustand';
import { createPwaSlice, type PwaSlice } from './pwa-slice';

// One bound store made of small slices; each later screen adds its own slice here.
export type AppState = PwaSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createPwaSlice(...a),
}));
