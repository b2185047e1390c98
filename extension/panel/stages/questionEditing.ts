import type { StageId } from '../../../src/core/rubric/rubricSchema';
import { isResidentOf, isTutorOf } from '../../../src/core/rules/permissions';
import type { Actor } from '../../../src/core/session/people';
import type { TeachingSession } from '../../../src/core/session/session';

/** A fresh question id: the time it was asked and a random tail, so two tabs asking at once never collide. */
export function newQuestionId(now: number = Date.now(), random: () => number = Math.random): string {
  return `q-${now.toString(36)}-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/** What the person may do with a stage's questions: the tutor asks, both answer, nobody after sign-off. */
export function questionRights(actor: Actor, session: TeachingSession): { ask: boolean; answer: boolean } {
  const open = !session.signOff;
  const tutor = isTutorOf(actor, session);
  return { ask: open && tutor, answer: open && (tutor || isResidentOf(actor, session)) };
}

/**
 * The rules keep a question's wording trimmed, and refuse an empty one. While the tutor rewords,
 * the box keeps what they typed where the stored wording would differ (a trailing space, nothing
 * yet), so the caret does not jump; `send` says whether the typed text can go to the rules.
 */
export function rewording(typed: string): { send: boolean; keepTyped: boolean } {
  const trimmed = typed.trim();
  return { send: trimmed !== '', keepTyped: trimmed === '' || trimmed !== typed };
}

export const questionsOf = (session: TeachingSession, stage: StageId) => session.stages[stage].questions;
