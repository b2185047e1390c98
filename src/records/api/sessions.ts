import { z } from 'zod';
import { stageId } from '../../core/rubric/rubricSchema';
import { sessionCommand } from '../../core/rules/sessionCommand';
import { sessionEvent } from '../../core/rules/sessionEvent';
import { identifier, timestamp } from '../../core/schema/common';
import { teachingSession } from '../../core/session/session';
import { dicomUid } from '../../core/session/teachingCase';

/** A tutor (or administrator) assigns a case to a resident with a planned time and place. */
export const openSessionBody = z.object({
  caseId: identifier,
  residentId: identifier,
  /** Left out, the tutor opening it supervises it. */
  tutorId: identifier.optional(),
  plannedAt: timestamp,
  place: z.string().max(200),
});
export type OpenSessionBody = z.infer<typeof openSessionBody>;

export const sessionView = z.object({ session: teachingSession, version: z.number().int() });
export type SessionView = z.infer<typeof sessionView>;

export const sessionList = z.object({ sessions: z.array(sessionView) });

export const sessionQuery = z.object({
  studyInstanceUID: dicomUid.optional(),
  residentId: identifier.optional(),
  /** Only sessions not yet signed off. */
  open: z.enum(['true', 'false']).optional(),
});

/** Every command of the core, with the version of the session the sender last saw. */
export const commandBody = z.object({ version: z.number().int().min(1), command: sessionCommand });
export type CommandBody = z.infer<typeof commandBody>;

export const commandResult = sessionView.extend({ event: sessionEvent });
export type CommandResult = z.infer<typeof commandResult>;

/** The answer to a write made on an out-of-date version: what is there now, to show the person. */
export const sessionConflict = z.object({ code: z.literal('conflict'), message: z.string(), current: sessionView });

export const eventList = z.object({ events: z.array(z.object({ event: sessionEvent, command: z.unknown() })) });

export const sessionParams = z.object({ sessionId: identifier });

export const progressQuery = z.object({
  from: z.iso.date({ error: 'from must be a date, YYYY-MM-DD' }),
  to: z.iso.date({ error: 'to must be a date, YYYY-MM-DD' }),
});

const nullableNumber = z.number().nullable();
const totalAt = z.object({ sessionId: identifier, date: z.string(), total: z.number() }).nullable();

/** The core's `residentProgress` figures (src/core/progress), as the API sends them. */
export const progressView = z.object({
  residentId: identifier,
  period: z.object({ from: z.string(), to: z.string() }),
  sessionIds: z.array(identifier),
  stages: z.array(z.object({ stage: stageId, sessions: z.number().int(), meanPercent: nullableNumber, meanScore: nullableNumber, meanMax: nullableNumber })),
  meanSheetTotal: nullableNumber,
  trend: z.object({ slopePerMonth: nullableNumber, first: totalAt, last: totalAt, change: nullableNumber }),
  frequency: z.object({
    months: z.array(z.object({ month: z.string(), sessions: z.number().int() })),
    monthsCounted: z.number().int(),
    sessionsCounted: z.number().int(),
    meanPerMonth: nullableNumber,
    target: z.number(),
    meetsTarget: z.boolean().nullable(),
    monthsWithoutSession: z.array(z.string()),
  }),
  minutes: z.object({
    target: z.object({ min: z.number(), max: z.number() }),
    perSession: z.array(z.object({ sessionId: identifier, minutes: z.number(), standing: z.enum(['short', 'onTarget', 'long']) })),
    short: z.number().int(),
    onTarget: z.number().int(),
    long: z.number().int(),
    notTimed: z.number().int(),
    meanMinutes: nullableNumber,
  }),
  vetoedReports: z.number().int(),
});
