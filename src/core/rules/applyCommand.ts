import { problem } from '../schema/problem';
import type { Actor } from '../session/people';
import { SESSION_SCHEMA_VERSION, type TeachingSession } from '../session/session';
import { diffChanges } from './changes';
import { amend } from './handlers/amend';
import { runClock } from './handlers/clock';
import type { CommandContext, HandlerResult } from './handlers/context';
import { evaluateReport, evaluateStage, returnStage } from './handlers/evaluation';
import { acceptYearMismatch, notifyResident, recordPatientInformed, savePreparation } from './handlers/preparation';
import { answerQuestion, askQuestion, removeQuestion } from './handlers/questions';
import { reschedule } from './handlers/schedule';
import { signOff } from './handlers/signOff';
import { saveWork, submitStage } from './handlers/work';
import { accept, refuse, type Outcome } from './outcome';
import { maySeeSession } from './permissions';
import { refusals } from './refusals';
import { sessionCommand, type SessionCommand } from './sessionCommand';
import { EVENT_SCHEMA_VERSION, type SessionEvent } from './sessionEvent';

export interface Applied {
  session: TeachingSession;
  event: SessionEvent;
}

function dispatch(context: CommandContext, command: SessionCommand): HandlerResult {
  switch (command.type) {
    case 'saveWork':
      return saveWork(context, command.stage, command.work);
    case 'submitStage':
      return submitStage(context, command.stage);
    case 'returnStage':
      return returnStage(context, command.stage, command.reason);
    case 'evaluateStage':
      return evaluateStage(context, command.stage, command.evaluation);
    case 'evaluateReport':
      return evaluateReport(context, command.evaluation);
    case 'askQuestion':
      return askQuestion(context, command.stage, command.questionId, command.question);
    case 'answerQuestion':
      return answerQuestion(context, command.stage, command.questionId, command.answer);
    case 'removeQuestion':
      return removeQuestion(context, command.stage, command.questionId);
    case 'startClock':
    case 'pauseClock':
    case 'resumeClock':
    case 'endClock':
      return runClock(context, command.type);
    case 'reschedule':
      return reschedule(context, command.schedule);
    case 'notifyResident':
      return notifyResident(context);
    case 'recordPatientInformed':
      return recordPatientInformed(context, command.informedAt);
    case 'acceptYearMismatch':
      return acceptYearMismatch(context, command.reason);
    case 'savePreparation':
      return savePreparation(context, command.checklist);
    case 'signOff':
      return signOff(context);
    case 'amend':
      return amend(context, command, `amendment-${context.session.amendments.length + 1}`);
  }
}

/**
 * The session as it would be after what `actor` asks at time `at`, if the rules allow it, without
 * the event that records it: for asking "may this person do this now?" and for showing a change
 * before the server has it, where working out the event's changes would be wasted.
 */
export function tryCommand(session: TeachingSession, input: unknown, actor: Actor, at: string): Outcome<{ session: TeachingSession; command: SessionCommand }> {
  const parsed = sessionCommand.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map(issue => `${issue.path.join('.') || '(command)'}: ${issue.message}`).join('; ');
    return refuse(problem('input.invalidCommand', `无法识别的操作：${details}`, `Not a valid action: ${details}`));
  }
  const command = parsed.data;
  if (!maySeeSession(actor, session)) return refuse(refusals.notYourSession());
  if (session.signOff && command.type !== 'amend') return refuse(refusals.signedOff());
  const result = dispatch({ session, actor, at }, command);
  return result.ok ? accept({ session: result.value, command }) : result;
}

/**
 * Applies what `actor` asks to `session` at time `at`, if the rules allow it: the new session and
 * the event that records the change (number `seq` in the session's history). Refusals come with a
 * message for the person; nothing is changed then.
 */
export function applyCommand(session: TeachingSession, input: unknown, actor: Actor, at: string, seq: number): Outcome<Applied> {
  const tried = tryCommand(session, input, actor, at);
  if (!tried.ok) return tried;
  const { command } = tried.value;
  const reason = 'reason' in command ? command.reason.trim() : undefined;
  return accept({
    session: tried.value.session,
    event: {
      schemaVersion: EVENT_SCHEMA_VERSION,
      sessionSchemaVersion: SESSION_SCHEMA_VERSION,
      sessionId: session.id,
      seq,
      at,
      actor,
      type: command.type,
      ...(reason ? { reason } : {}),
      changes: diffChanges(session, tried.value.session),
    },
  });
}

/** The first event of every session's history: it was created, as it was. */
export function sessionCreatedEvent(session: TeachingSession, actor: Actor, at: string): SessionEvent {
  return {
    schemaVersion: EVENT_SCHEMA_VERSION,
    sessionSchemaVersion: SESSION_SCHEMA_VERSION,
    sessionId: session.id,
    seq: 1,
    at,
    actor,
    type: 'createSession',
    changes: [{ path: [], before: undefined, after: session }],
  };
}
