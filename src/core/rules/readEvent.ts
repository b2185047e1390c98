import { EVENT_FROM_V1 } from '../migrations/eventV1';
import { readRecord, type RecordKind } from '../migrations/readRecord';
import type { Outcome } from './outcome';
import { EVENT_SCHEMA_VERSION, sessionEvent, type SessionEvent } from './sessionEvent';

export const EVENT_RECORD: RecordKind<SessionEvent> = {
  schema: sessionEvent,
  version: EVENT_SCHEMA_VERSION,
  migrations: [EVENT_FROM_V1],
  name: { zh: '操作记录', en: 'event' },
};

/** Reads a stored event of any schema version; its changes stay as written, against the session version it names. */
export const readEvent = (input: unknown): Outcome<SessionEvent> => readRecord(input, EVENT_RECORD);
