import type { StateCreator } from 'zustand';
import type { OperatorRole } from '../../shared/domain/operator';

export interface SignedIn {
  id: string;
  name: string;
  role: OperatorRole;
}

// Who is holding the device now. Every event carries this operator.
export interface SessionSlice {
  operator: SignedIn | null;
  signIn: (operator: SignedIn) => void;
  signOut: () => void;
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  operator: null,
  signIn: (operator) => set({ operator }),
  signOut: () => set({ operator: null }),
});
