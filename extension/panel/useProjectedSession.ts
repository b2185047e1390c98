import { useMemo } from 'react';
import { applyCommand } from '../../src/core/rules/applyCommand';
import type { TeachingSession } from '../../src/core/session/session';
import type { TeachingService } from '../service/TeachingService';
import { useTeaching } from './useTeaching';

/**
 * The session as it will stand once the person's waiting changes are acknowledged: the server's
 * state with each change still in the queue applied by the same rules the server uses. A change
 * the rules refuse here is left out; the queue reports the server's refusal in its own words.
 */
export function useProjectedSession(service: TeachingService): TeachingSession | undefined {
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const pending = useTeaching(service, state => state.pendingCommands);
  return useMemo(() => {
    if (!record || !actor) return record?.session;
    const at = new Date().toISOString();
    let session = record.session;
    for (const command of pending) {
      const outcome = applyCommand(session, command, actor, at, 0);
      if (outcome.ok) session = outcome.value.session;
    }
    return session;
  }, [record, actor, pending]);
}
