import { useSyncExternalStore } from 'react';
import type { CasePreparation, PreparationState } from '../../service/casePreparation';

/** One part of the preparation's state, as `useTeaching` does for the session: the selector returns what is in the snapshot. */
export function usePreparation<T>(preparation: CasePreparation, select: (state: PreparationState) => T): T {
  return useSyncExternalStore(preparation.subscribe, () => select(preparation.getState()));
}
