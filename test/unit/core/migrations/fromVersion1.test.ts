/**
 * Records as version 1 of the teaching core wrote them (test/fixtures/v1, produced by that code with
 * the rules of the day), read by the current one.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionFromJson } from '../../../../src/core/export';
import { STAGES } from '../../../../src/core/rubric/rubricSchema';
import { validateRubricSet } from '../../../../src/core/rubric/validateRubricSet';
import { applyCommand } from '../../../../src/core/rules/applyCommand';
import { readEvent } from '../../../../src/core/rules/readEvent';
import { replaySession } from '../../../../src/core/rules/replaySession';
import type { SessionEvent } from '../../../../src/core/rules/sessionEvent';
import { sheetResult } from '../../../../src/core/scoring/sheetResult';
import { stageResult } from '../../../../src/core/scoring/stageResult';
import { readSession } from '../../../../src/core/session/readSession';
import { categoryIdFromName } from '../../../../src/core/library/categoryFromName';
import { readCase, readPerson, readRubricSet } from '../../../../src/core/session/records';
import type { TeachingSession } from '../../../../src/core/session/session';
import { RESIDENT, TUTOR } from '../../../fixtures/sessionRules';

const stored = (name: string): Record<string, any> => JSON.parse(readFileSync(new URL(`../../../fixtures/v1/${name}.json`, import.meta.url), 'utf8'));

function read<T>(outcome: { ok: true; value: T } | { ok: false; problem: { message: { en: string } } }): T {
  if (!outcome.ok) throw new Error(outcome.problem.message.en);
  return outcome.value;
}

function readEvents(name: string): SessionEvent[] {
  return (stored(name) as unknown as unknown[]).map(event => read(readEvent(event)));
}

describe('a signed, amended v1 session', () => {
  const v1 = stored('session-signed-amended');
  const session = read(readSession(v1));

  it('reads back valid as version 2, scores unchanged', () => {
    expect(session.schemaVersion).toBe(2);
    expect(STAGES.map(stage => stageResult(session, stage).score)).toEqual([20, 20, 18, 20, 100]);
    expect(STAGES.map(stage => stageResult({ ...session, stages: session.signOff!.stages }, stage).score)).toEqual([20, 20, 20, 20, 100]);
    expect(session.amendments).toEqual(v1.amendments);
    expect(session.timer).toEqual(v1.timer);
  });

  it('turns missing flags into statuses and image quality into film grades', () => {
    expect(session.stages['4.1'].work.items.labs).toEqual({ status: 'missing', text: '' });
    expect(session.stages['4.1'].work.items.complaint).toEqual({ status: 'available', text: '体检发现右肺结节' });
    expect(session.stages['4.2'].work).toMatchObject({ imageQuality: 'gradeA', nursing: '', radiation: '', protocol: '胸部 CT 平扫，1 mm 重建' });
    expect(session.stages['4.5'].work).toEqual({ ...v1.stages['4.5'].work, clinicalInformation: '', recommendations: '' });
    expect(session.signOff!.stages['4.2'].work.imageQuality).toBe('gradeA');
  });

  it('gives every stage empty returns and questions, evaluations no not-applicable marks, and an unknown case year', () => {
    for (const stage of STAGES) expect([session.stages[stage].returns, session.stages[stage].questions]).toEqual([[], []]);
    expect(session.stages['4.3'].evaluation).toMatchObject({ kind: 'criteria', notApplicable: [] });
    expect(session.stages['4.5'].evaluation).toMatchObject({ kind: 'reportSheet', sheet: { notApplicable: [] } });
    expect(session.preparation).toEqual({
      caseTrainingYear: null,
      checklist: { qualityStandard: false, writingNorms: false, examNorms: false, radiationProtection: false },
    });
  });

  it('gives its rubric copies short stage titles and English band names that read as English, nothing else', () => {
    expect(session.stageForm.stages.map(rubric => rubric.shortTitle.zh)).toEqual(['临床信息', '影像技术', '影像征象', '影像诊断', '报告书写']);
    expect(session.stageForm.stages[3]!.title).toEqual(v1.stageForm.stages[3].title);
    expect(session.reportSheet.bands.map(band => band.label.en)).toEqual(['Excellent', 'Good', 'Pass', 'Fail']);
    expect(session.reportSheet.bands.map(band => band.label.zh)).toEqual(['优秀', '良好', '基本合格', '不合格']);
    expect(session.reportSheet.sections).toEqual(v1.reportSheet.sections);
  });

  it('replays its v1 history to the same session, and keeps replaying once v2 events follow', () => {
    const events = readEvents('events-signed-amended');
    expect(events.every(event => event.schemaVersion === 2 && event.sessionSchemaVersion === 1)).toBe(true);
    expect(replaySession(events)).toEqual(session);
    const lowered = session.stages['4.4'].evaluation!;
    if (lowered.kind !== 'criteria') throw new Error('4.4 is scored on criteria');
    const command = {
      type: 'amend',
      reason: '肿瘤分期不适用',
      amendment: { target: 'stage', stage: '4.4', evaluation: { ...lowered, scores: { ...lowered.scores, 'extent-or-stage': 1 } } },
    };
    const applied = read(applyCommand(session, command, TUTOR, '2026-11-20T02:00:00.000Z', events.length + 1));
    expect(applied.event.sessionSchemaVersion).toBe(2);
    expect(replaySession([...events, applied.event])).toEqual(applied.session);
  });

  it('imports from a v1 JSON file', () => {
    expect(sessionFromJson(JSON.stringify(v1))).toEqual({ ok: true, session });
  });
});

describe('a v1 nuclear-medicine session with blank deductions', () => {
  const v1 = stored('session-nm-in-progress');

  it('unsigned, keeps its blanks: the tutor must now enter or confirm every section', () => {
    const session = read(readSession(v1));
    const evaluation = session.stages['4.5'].evaluation!;
    if (evaluation.kind !== 'reportSheet') throw new Error('4.5 is scored on the sheet');
    expect(evaluation.sheet.items).toEqual({ description: 4 });
    expect(sheetResult(session.reportSheet, evaluation.sheet)).toMatchObject({ complete: false, band: null });
    expect(replaySession(readEvents('events-nm-in-progress'))).toEqual(session);
  });

  it('signed, was signed on "blank means nothing off", so its blanks become zeros and its score stays 96', () => {
    const signedV1 = structuredClone(v1);
    signedV1.timer = { intervals: [{ start: v1.timer.intervals[0].start, end: '2026-11-02T01:40:00.000Z' }], endedAt: '2026-11-02T01:40:00.000Z' };
    signedV1.signOff = { at: '2026-11-02T01:45:00.000Z', by: TUTOR.id, stages: structuredClone(v1.stages) };
    const session = read(readSession(signedV1));
    for (const stages of [session.stages, session.signOff!.stages]) {
      const evaluation = stages['4.5'].evaluation!;
      if (evaluation.kind !== 'reportSheet') throw new Error('4.5 is scored on the sheet');
      expect(evaluation.sheet.items).toEqual({ 'general-items': 0, description: 4, conclusion: 0, images: 0, 'image-quality': 0 });
    }
    expect(stageResult(session, '4.5')).toMatchObject({ score: 96, complete: true });
  });
});

describe('a v1 real-time session, scheduled', () => {
  const session = read(readSession(stored('session-us-scheduled')));

  it('reads back with its notice, a rejected film for its non-diagnostic one, and must now have the patient informed before it starts', () => {
    expect(session.schedule).toEqual({ plannedAt: '2026-11-05T02:00:00.000Z', place: '超声室 3', residentNotifiedAt: '2026-11-01T02:00:00.000Z' });
    expect(session.stages['4.2'].work).toMatchObject({ imageQuality: 'reject', realTimeProcedure: '肝脏扫查' });
    const start = applyCommand(session, { type: 'startClock' }, RESIDENT, '2026-11-05T02:00:00.000Z', 5);
    expect(start.ok || start.problem.code).toBe('state.notReadyToStart');
  });
});

describe('v1 cases, rubric sets and people', () => {
  it('cases gain the report’s new sections in their reference answer', () => {
    const withReference = read(readCase(stored('case-with-reference')));
    expect(withReference.schemaVersion).toBe(3);
    expect(withReference.referenceAnswer?.report).toMatchObject({ clinicalInformation: '', recommendations: '', examination: '胸部 CT 平扫' });
    // Their free-text category ('肺结节', not a name of the default list) becomes an id made from it.
    expect(read(readCase(stored('case-without-reference')))).toEqual({ ...stored('case-without-reference'), schemaVersion: 3, category: categoryIdFromName('肺结节') });
  });

  it('the default rubric set of v1 reads back as a valid v2 set with short titles and renamed bands', () => {
    const rubrics = read(readRubricSet(stored('rubric-set-default')));
    expect(rubrics.schemaVersion).toBe(2);
    expect(validateRubricSet(rubrics)).toMatchObject({ ok: true });
    expect(rubrics.stageForm.stages.every(stage => stage.shortTitle.zh && stage.shortTitle.en)).toBe(true);
    expect(rubrics.reportSheets.flatMap(sheet => sheet.bands.map(band => band.label.en))).not.toContain('Basically acceptable');
  });

  it('people are unchanged and read as they are', () => {
    expect(read(readPerson(stored('person-resident')))).toEqual(stored('person-resident'));
    expect(read(readPerson(stored('person-tutor')))).toEqual(stored('person-tutor'));
  });
});

describe('migrating damaged v1 records', () => {
  it('never throws: whatever a database or a file holds is read or refused with a reason', () => {
    const v1 = stored('session-signed-amended');
    fc.assert(
      fc.property(fc.constantFrom('stages', 'signOff', 'reportSheet', 'stageForm', 'preparation', 'timer'), fc.anything(), (key, value) => {
        const damaged = { ...structuredClone(v1), [key]: value };
        const outcome = readSession(damaged);
        if (!outcome.ok) expect(outcome.problem.message.en).not.toBe('');
      }),
    );
    fc.assert(
      fc.property(fc.anything(), value => {
        const outcome = readSession({ schemaVersion: 1, stages: { '4.1': { work: { items: value } }, '4.5': { evaluation: { kind: 'reportSheet', sheet: value } } }, signOff: value });
        expect(outcome.ok).toBe(false);
      }),
    );
  });

  it('refuses keys that name the prototype instead of stages', () => {
    const v1 = stored('session-signed-amended');
    const damaged = JSON.parse(JSON.stringify({ ...v1, stages: { ...v1.stages } }).replace('"4.5":', '"__proto__":'));
    expect(readSession(damaged)).toMatchObject({ ok: false, problem: { code: 'record.invalid' } });
    const constructor = JSON.parse(JSON.stringify(v1).replace('"stages":{"4.1":', '"stages":{"constructor":'));
    expect(readSession(constructor).ok).toBe(false);
  });

  it('leaves a record already at version 2 as it is', () => {
    const session: TeachingSession = read(readSession(stored('session-signed-amended')));
    expect(read(readSession(JSON.parse(JSON.stringify(session))))).toEqual(session);
  });
});
