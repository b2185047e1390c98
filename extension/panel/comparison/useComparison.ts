import { useSyncExternalStore } from 'react';
import type { SignComparisonState, SignComparisonView } from '../../service/signComparisonView';

/** One part of the comparison's state; the selector must return something already in the snapshot. */
export function useComparison<T>(view: SignComparisonView, select: (state: SignComparisonState) => T): T {
  return useSyncExternalStore(view.subscribe, () => select(view.getState()));
}
