// React access to the lab: the store (read through selectors) and the controller (actions).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabController } from '../app/lab.ts';
import type { LabState } from '../app/store/index.ts';

export const LabContext = createContext<LabController | null>(null);

export function useController(): LabController {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('useController: no LabContext provider above this component');
  return lab;
}

/** Subscribes to one slice of the store; return stable values (a field, not a fresh object). */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useController().store, selector);
}
