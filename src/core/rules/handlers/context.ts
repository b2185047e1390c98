import type { Actor } from '../../session/people';
import type { TeachingSession } from '../../session/session';
import type { Outcome } from '../outcome';

/** What every command handler is given. */
export interface CommandContext {
  session: TeachingSession;
  actor: Actor;
  /** When the change happens (ISO 8601); handlers never read the clock themselves. */
  at: string;
}

export type HandlerResult = Outcome<TeachingSession>;
