import { useSyncExternalStore } from 'react';
import type { TeachingService, TeachingState } from '../service/TeachingService';

/**
 * One part of the service's state; the component re-renders only when that part changes. The
 * selector must return something already in the snapshot, never a new object.
 */
export function useTeaching<T>(service: TeachingService, select: (state: TeachingState) => T): T {
  return useSyncExternalStore(service.subscribe, () => select(service.getState()));
}
