import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC_SET } from '../../../../src/core/rubric/defaultRubrics';
import { STAGES } from '../../../../src/core/rubric/rubricSchema';
import { createSession } from '../../../../src/core/session/createSession';
import { teachingSession } from '../../../../src/core/session/session';
import { elapsedMinutes } from '../../../../src/core/session/sessionClock';
import { newSession } from '../../../fixtures/sessionRules';

describe('createSession', () => {
  it('starts a valid session: every stage an empty draft, the clock not started, rubrics copied', () => {
    const session = newSession({ modality: 'US', realTime: true });
    expect(teachingSession.safeParse(session).success).toBe(true);
    expect(STAGES.map(stage => session.stages[stage].status)).toEqual(['draft', 'draft', 'draft', 'draft', 'draft']);
    expect(session.timer).toEqual({ intervals: [] });
    expect(session.reportSheet.modalities).toContain('US');
    expect(session.realTime).toBe(true);
    expect(session.stageForm).toEqual(DEFAULT_RUBRIC_SET.stageForm);
    expect(session.stageForm).not.toBe(DEFAULT_RUBRIC_SET.stageForm);
    expect(STAGES.map(stage => [session.stages[stage].returns, session.stages[stage].questions])).toEqual(STAGES.map(() => [[], []]));
  });

  it('keeps the case’s training year with the session, and starts the resident’s checklist unticked', () => {
    const session = newSession({ caseYear: 3 });
    expect(session.preparation).toEqual({
      caseTrainingYear: 3,
      checklist: { qualityStandard: false, writingNorms: false, examNorms: false, radiationProtection: false },
    });
    expect(session.residentTrainingYear).toBe(2);
  });

  it('refuses to score on a rubric that does not add up', () => {
    const broken = structuredClone(DEFAULT_RUBRIC_SET.reportSheets[0]!);
    broken.sections[0]!.points += 1;
    expect(() =>
      createSession({
        id: 's',
        teachingCase: { id: 'c', realTime: false, trainingYear: 1 },
        resident: { id: 'r', trainingYear: 1 },
        tutorId: 't',
        stageForm: DEFAULT_RUBRIC_SET.stageForm,
        reportSheet: broken,
        schedule: { plannedAt: '2026-11-02T01:00:00.000Z', place: '' },
        createdAt: '2026-11-01T00:00:00.000Z',
      }),
    ).toThrow(/invalid rubrics: .*add up/);
  });
});

describe('elapsed time', () => {
  it('stops counting at the end of the session even if an imported record left an interval open', () => {
    const timer = { intervals: [{ start: '2026-11-02T01:00:00.000Z' }], endedAt: '2026-11-02T01:40:00.000Z' };
    expect(elapsedMinutes(timer, '2026-11-03T00:00:00.000Z')).toBe(40);
  });
});
