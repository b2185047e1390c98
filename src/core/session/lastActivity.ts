import { STAGES } from '../rubric/rubricSchema';
import type { TeachingSession } from './session';

/**
 * The latest moment the session records anyone doing something in it: a clock change, a
 * submission, an evaluation, a return, a question or an answer. Drafts are saved without a time of
 * their own, so this is when the last step was handed over, not the last keystroke.
 */
export function lastActivityAt(session: TeachingSession): string | undefined {
  const times = [
    ...session.timer.intervals.flatMap(interval => [interval.start, ...(interval.end ? [interval.end] : [])]),
    ...STAGES.flatMap(stage => {
      const record = session.stages[stage];
      return [
        ...(record.submittedAt ? [record.submittedAt] : []),
        ...(record.evaluation ? [record.evaluation.evaluatedAt] : []),
        ...record.returns.map(entry => entry.at),
        ...record.questions.flatMap(question => [question.askedAt, ...(question.answeredAt ? [question.answeredAt] : [])]),
      ];
    }),
  ];
  return times.reduce<string | undefined>((latest, time) => (latest === undefined || Date.parse(time) > Date.parse(latest) ? time : latest), undefined);
}
