import { chooseReportSheet, DEFAULT_RUBRIC_SET } from '../../core/rubric/defaultRubrics';
import { STAGES, type StageId } from '../../core/rubric/rubricSchema';
import type { SessionCommand } from '../../core/rules/sessionCommand';
import { createSession } from '../../core/session/createSession';
import { PREPARATION_ITEMS, type PreparationChecklist } from '../../core/session/preparation';
import type { TeachingSession } from '../../core/session/session';
import type { TeachingCase } from '../../core/session/teachingCase';
import type { DemoCaseKey } from './demoCases';
import { DEMO_PEOPLE, demoAccountId, demoActor, type DemoResident, type DemoTutor } from './demoPeople';
import { criteriaEvaluationAt, reportEvaluationAt } from './demoScores';
import { IN_PROGRESS_PLAN, SIGNED_OFF_PLANS, type SignedOffPlan } from './demoSessionPlans';
import { SessionScript, type ScriptedSession } from './sessionScript';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
const BEIJING_OFFSET_MINUTES = 8 * 60;

export const minutesAfter = (time: Date, minutes: number): Date => new Date(time.getTime() + minutes * MINUTE);

/**
 * `hour`:00 in Beijing on `day` of the month `monthsBefore` months before `now`'s month there.
 * Progress counts months in Beijing, so "last month" must be last month on that calendar whatever
 * the server's zone, and a day up to 28 exists in every month.
 */
export function beijingTime(now: Date, monthsBefore: number, day: number, hour: number): Date {
  const inBeijing = minutesAfter(now, BEIJING_OFFSET_MINUTES);
  return new Date(Date.UTC(inBeijing.getUTCFullYear(), inBeijing.getUTCMonth() - monthsBefore, day, hour) - BEIJING_OFFSET_MINUTES * MINUTE);
}

const ALL_PREPARED = Object.fromEntries(PREPARATION_ITEMS.map(item => [item, true])) as PreparationChecklist;

/** Minutes each stage takes, about 37 in all: the guide asks for 30–45 a session. */
const STAGE_MINUTES: Record<StageId, number> = { '4.1': 5, '4.2': 7, '4.3': 9, '4.4': 7, '4.5': 9 };

function scheduled(id: string, teachingCase: TeachingCase, resident: DemoResident, tutor: DemoTutor, plannedAt: Date, place: string, createdAt: Date): TeachingSession {
  return createSession({
    id,
    teachingCase,
    resident: { id: demoAccountId(resident), trainingYear: DEMO_PEOPLE[resident].trainingYear },
    tutorId: demoAccountId(tutor),
    stageForm: DEFAULT_RUBRIC_SET.stageForm,
    reportSheet: chooseReportSheet(DEFAULT_RUBRIC_SET.reportSheets, teachingCase.modality),
    schedule: { plannedAt: plannedAt.toISOString(), place },
    createdAt: createdAt.toISOString(),
  });
}

/** Arranged a week ahead, prepared the day before, taught stage by stage, signed off later that day. */
function signedOffSession(plan: SignedOffPlan, teachingCase: TeachingCase, now: Date): ScriptedSession {
  const start = beijingTime(now, plan.when.monthsBefore, plan.when.day, plan.when.hour);
  const arranged = minutesAfter(start, -7 * DAY_MINUTES);
  const [tutor, resident] = [demoActor(plan.tutor), demoActor(plan.resident)];
  const script = new SessionScript(scheduled(plan.id, teachingCase, plan.resident, plan.tutor, start, plan.place, arranged), tutor);

  script.run({ type: 'notifyResident' }, tutor, minutesAfter(arranged, 10));
  if (plan.yearMismatchReason) script.run({ type: 'acceptYearMismatch', reason: plan.yearMismatchReason }, tutor, minutesAfter(arranged, 12));
  if (teachingCase.realTime) script.run({ type: 'recordPatientInformed' }, tutor, minutesAfter(start, -DAY_MINUTES));
  script.run({ type: 'savePreparation', checklist: ALL_PREPARED }, resident, minutesAfter(start, -DAY_MINUTES + 60));

  let elapsed = 0;
  const later = (minutes: number) => minutesAfter(start, (elapsed += minutes));
  script.run({ type: 'startClock' }, tutor, start);
  for (const stage of STAGES) {
    if (stage === '4.5' && plan.reportDraft) {
      script.run({ type: 'saveWork', stage, work: plan.reportDraft.work }, resident, later(4));
      script.run({ type: 'submitStage', stage }, resident, later(0.5));
      script.run({ type: 'returnStage', stage, reason: plan.reportDraft.returnReason }, tutor, later(1.5));
    }
    for (const { id, question, answer } of plan.questions.filter(entry => entry.stage === stage)) {
      script.run({ type: 'askQuestion', stage, questionId: id, question }, tutor, later(0.5));
      script.run({ type: 'answerQuestion', stage, questionId: id, answer }, resident, later(1));
    }
    script.run({ type: 'saveWork', stage, work: plan.work[stage] }, resident, later(STAGE_MINUTES[stage] - 2));
    script.run({ type: 'submitStage', stage }, resident, later(0.5));
    const { quality, notApplicable, notes } = plan.tutoring[stage];
    const evaluation: SessionCommand =
      stage === '4.5'
        ? { type: 'evaluateReport', evaluation: reportEvaluationAt(script.session, quality, notApplicable, plan.mainProblems, notes) }
        : { type: 'evaluateStage', stage, evaluation: criteriaEvaluationAt(script.session, stage, quality, notApplicable, notes) };
    script.run(evaluation, tutor, later(1.5));
  }
  script.run({ type: 'endClock' }, tutor, later(1));
  // Tutors often sign a while after the session, once they have gone over the scores again.
  script.run({ type: 'signOff' }, tutor, later(120));
  return script.history();
}

/** Arranged three days ago; its clock has run for a few minutes and stage 4.1 is a draft. */
function sessionInProgress(teachingCase: TeachingCase, now: Date): ScriptedSession {
  const start = minutesAfter(now, -12);
  const arranged = minutesAfter(now, -3 * DAY_MINUTES);
  const [tutor, resident] = [demoActor('tutor1'), demoActor('resident1')];
  return new SessionScript(scheduled(IN_PROGRESS_PLAN.id, teachingCase, 'resident1', 'tutor1', start, IN_PROGRESS_PLAN.place, arranged), tutor)
    .run({ type: 'notifyResident' }, tutor, minutesAfter(arranged, 10))
    .run({ type: 'savePreparation', checklist: ALL_PREPARED }, resident, minutesAfter(now, -DAY_MINUTES))
    .run({ type: 'startClock' }, tutor, start)
    .run({ type: 'saveWork', stage: '4.1', work: IN_PROGRESS_PLAN.clinicalDraft }, resident, minutesAfter(now, -3))
    .history();
}

/** Every demo session's history, oldest first, built by the rules before any of it is stored. */
export function demoSessions(cases: Record<DemoCaseKey, TeachingCase>, now: Date): ScriptedSession[] {
  return [...SIGNED_OFF_PLANS.map(plan => signedOffSession(plan, cases[plan.caseKey], now)), sessionInProgress(cases.chestCt, now)];
}
