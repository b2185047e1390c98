import { tryCommand } from '../../src/core/rules/applyCommand';
import type { Actor } from '../../src/core/session/people';
import type { TeachingSession } from '../../src/core/session/session';
import type { SessionCommand } from '../../src/core/rules/sessionCommand';
import type { SessionView } from '../../src/records/api/sessions';
import type { TeachingService } from '../service/TeachingService';
import { useTeaching } from './useTeaching';

interface Projection {
  record: SessionView;
  actor: Actor | undefined;
  pending: readonly SessionCommand[];
  session: TeachingSession;
}

/**
 * The last projection made. Every part of the panel asks for the same snapshot, so one entry is
 * enough for all of them to share one run of the rules per change instead of one run each.
 */
let last: Projection | undefined;

function project(record: SessionView, actor: Actor | undefined, pending: readonly SessionCommand[]): TeachingSession {
  if (last && last.record === record && last.actor === actor && last.pending === pending) return last.session;
  let session = record.session;
  if (actor) {
    const at = new Date().toISOString();
    for (const command of pending) {
      // Stage work is shown from the service's own overlay (`state.work`), and nothing projected
      // depends on it: running the rules over a large 4.3 on every drawing would be wasted.
      if (command.type === 'saveWork') continue;
      const outcome = tryCommand(session, command, actor, at);
      if (outcome.ok) session = outcome.value.session;
    }
  }
  last = { record, actor, pending, session };
  return session;
}

/**
 * The session as it will stand once the person's waiting changes are acknowledged: the server's
 * state with each change still in the queue applied by the same rules the server uses. A change
 * the rules refuse here is left out; the queue reports the server's refusal in its own words.
 * Waiting stage work is not in it: the stages read that from `state.work`.
 */
export function useProjectedSession(service: TeachingService): TeachingSession | undefined {
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const pending = useTeaching(service, state => state.pendingCommands);
  return record && project(record, actor, pending);
}
