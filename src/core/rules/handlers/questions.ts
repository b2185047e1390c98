import type { StageId } from '../../rubric/rubricSchema';
import type { TeachingSession, TutorQuestion } from '../../session/session';
import { accept, refuse } from '../outcome';
import { isResidentOf, isTutorOf } from '../permissions';
import { refusals } from '../refusals';
import type { CommandContext, HandlerResult } from './context';
import { tutorGuard } from './guards';

function withQuestions(session: TeachingSession, stage: StageId, questions: TutorQuestion[]): TeachingSession {
  return { ...session, stages: { ...session.stages, [stage]: { ...session.stages[stage], questions } } };
}

/** The tutor asks a question in a stage, or rewords one already asked (its answer stays). */
export function askQuestion(context: CommandContext, stage: StageId, questionId: string, question: string): HandlerResult {
  const refused = tutorGuard(context);
  if (refused) return refused;
  const { session, actor, at } = context;
  const questions = session.stages[stage].questions;
  const existing = questions.find(entry => entry.id === questionId);
  const text = question.trim();
  if (!text) return refuse(refusals.questionRequired());
  if (existing) return accept(withQuestions(session, stage, questions.map(entry => (entry.id === questionId ? { ...entry, question: text } : entry))));
  return accept(withQuestions(session, stage, [...questions, { id: questionId, question: text, askedAt: at, askedBy: actor.id, answer: '' }]));
}

/** How the resident answered: typed by the resident, or noted by the tutor beside them. An empty answer clears it. */
export function answerQuestion(context: CommandContext, stage: StageId, questionId: string, answer: string): HandlerResult {
  const { session, actor, at } = context;
  if (!isResidentOf(actor, session) && !isTutorOf(actor, session)) return refuse(refusals.answerersOnly());
  const questions = session.stages[stage].questions;
  if (!questions.some(entry => entry.id === questionId)) return refuse(refusals.unknownQuestion(stage, questionId));
  return accept(
    withQuestions(
      session,
      stage,
      questions.map(entry => {
        if (entry.id !== questionId) return entry;
        const { answeredAt: _at, answeredBy: _by, ...unanswered } = entry;
        return answer.trim() ? { ...unanswered, answer, answeredAt: at, answeredBy: actor.id } : { ...unanswered, answer: '' };
      }),
    ),
  );
}

export function removeQuestion(context: CommandContext, stage: StageId, questionId: string): HandlerResult {
  const refused = tutorGuard(context);
  if (refused) return refused;
  const questions = context.session.stages[stage].questions;
  if (!questions.some(entry => entry.id === questionId)) return refuse(refusals.unknownQuestion(stage, questionId));
  return accept(withQuestions(context.session, stage, questions.filter(entry => entry.id !== questionId)));
}
