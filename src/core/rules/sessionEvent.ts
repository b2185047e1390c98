import { z } from 'zod';
import { actor } from '../session/people';
import { change } from '../session/session';
import { identifier, timestamp } from '../schema/common';

export const EVENT_SCHEMA_VERSION = 2;

/**
 * One change to a session: who, when, what they did, and every value it changed (before → after).
 * A session's events, in order, rebuild it exactly (see `replaySession`).
 */
export const sessionEvent = z.object({
  schemaVersion: z.literal(EVENT_SCHEMA_VERSION),
  /**
   * The session schema version its changes are written against. Histories outlive schema changes:
   * replay brings the session up to this version before applying the event.
   */
  sessionSchemaVersion: z.number().int().positive(),
  sessionId: identifier,
  /** 1 for the event that created the session, then one more per change. */
  seq: z.number().int().positive(),
  at: timestamp,
  actor,
  type: z.string().min(1),
  reason: z.string().optional(),
  changes: z.array(change),
});
export type SessionEvent = z.infer<typeof sessionEvent>;
