import { memo, useState } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import type { StageId } from '../../../src/core/rubric/rubricSchema';
import type { TutorQuestion } from '../../../src/core/session/session';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { TrashIcon } from '../icons';
import { useProjectedSession } from '../useProjectedSession';
import { useTeaching } from '../useTeaching';
import { newQuestionId, questionRights, questionsOf, rewording } from './questionEditing';

interface QuestionProps {
  service: TeachingService;
  t: Translate;
  stage: StageId;
  question: TutorQuestion;
  number: number;
  rights: { ask: boolean; answer: boolean };
  tutorId: string;
}

function Question({ service, t, stage, question, number, rights, tutorId }: QuestionProps) {
  // What the tutor typed where the rules would store it otherwise (see `rewording`), until they leave the box.
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const reword = (text: string) => {
    const { send, keepTyped } = rewording(text);
    setTyped(keepTyped ? text : undefined);
    if (send) service.send({ type: 'askQuestion', stage, questionId: question.id, question: text });
  };
  const answeredByTutor = question.answeredBy === tutorId;
  return (
    <div className="ohif-teaching__question" data-testid="teaching-question" data-question={question.id}>
      <div className="ohif-teaching__field-head">
        <span className="ohif-teaching__tag">{t('questions.number', { number })}</span>
        {rights.ask ? (
          <input
            className="ohif-teaching__input"
            aria-label={t('questions.wording', { number })}
            value={typed ?? question.question}
            data-testid="teaching-question-text"
            onChange={event => reword(event.target.value)}
            onBlur={() => setTyped(undefined)}
          />
        ) : (
          <span className="ohif-teaching__question-text" data-testid="teaching-question-text">
            {question.question}
          </span>
        )}
        {rights.ask && (
          <button
            className={HOST.iconButton(true)}
            title={t('questions.remove')}
            aria-label={t('questions.remove')}
            data-testid="teaching-question-remove"
            onClick={() => service.send({ type: 'removeQuestion', stage, questionId: question.id })}
          >
            <TrashIcon />
          </button>
        )}
      </div>
      {typed !== undefined && typed.trim() === '' && <div className="ohif-teaching__hint">{t('questions.wordingRequired')}</div>}
      {rights.answer || question.answer ? (
        <textarea
          className="ohif-teaching__textarea"
          rows={2}
          aria-label={t('questions.answer')}
          placeholder={rights.answer ? t(rights.ask ? 'questions.answerByTutor' : 'questions.answerByResident') : ''}
          readOnly={!rights.answer}
          value={question.answer}
          data-testid="teaching-question-answer"
          onChange={event => service.send({ type: 'answerQuestion', stage, questionId: question.id, answer: event.target.value })}
        />
      ) : (
        <div className="ohif-teaching__hint" data-testid="teaching-question-unanswered">
          {t('questions.unanswered')}
        </div>
      )}
      {answeredByTutor && question.answer && <div className="ohif-teaching__hint">{t('questions.notedByTutor')}</div>}
    </div>
  );
}

/**
 * The questions the tutor asked in a stage (指导医师根据需要进行提问) and how the resident answered,
 * below the stage's work for both of them: the tutor asks, rewords and removes; the resident types
 * the answer, or the tutor notes the one given aloud. Each keystroke goes to the local draft and on
 * to the server; what shows is the session with those changes applied. Read-only once signed off.
 */
export const StageQuestions = memo(function StageQuestions({ service, t, stage }: { service: TeachingService; language: Language; t: Translate; stage: StageId }) {
  const session = useProjectedSession(service);
  const actor = useTeaching(service, state => state.actor);
  const [asking, setAsking] = useState('');
  if (!session || !actor) return null;
  const rights = questionRights(actor, session);
  const questions = questionsOf(session, stage);
  if (questions.length === 0 && !rights.ask) return null;
  const ask = () => {
    if (!asking.trim()) return;
    service.send({ type: 'askQuestion', stage, questionId: newQuestionId(), question: asking });
    setAsking('');
  };

  return (
    <div className="ohif-teaching__stage ohif-teaching__questions" data-testid={`teaching-questions-${stage}`}>
      <div className="ohif-teaching__field-head">
        <span className="flex-1">{t('questions.title')}</span>
      </div>
      {questions.length === 0 && <div className="ohif-teaching__hint">{t('questions.none')}</div>}
      {questions.map((question, index) => (
        <Question key={question.id} service={service} t={t} stage={stage} question={question} number={index + 1} rights={rights} tutorId={session.tutorId} />
      ))}
      {rights.ask && (
        <div className="ohif-teaching__field">
          <div className="ohif-teaching__rename">
            <input
              className="ohif-teaching__input"
              aria-label={t('questions.newLabel')}
              placeholder={t('questions.newPlaceholder')}
              value={asking}
              data-testid="teaching-question-new"
              onChange={event => setAsking(event.target.value)}
              onKeyDown={event => {
                if (event.key === 'Enter' && !event.nativeEvent.isComposing) ask();
              }}
            />
            <button className={HOST.textButton} disabled={asking.trim() === ''} data-testid="teaching-question-ask" onClick={ask}>
              {t('questions.ask')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
});
