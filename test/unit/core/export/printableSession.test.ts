import { describe, expect, it } from 'vitest';
import { printableSession, type SessionExportInput } from '../../../../src/core/export';
import type { CriteriaEvaluation, ReportEvaluation } from '../../../../src/core/session/evaluation';
import type { TeachingSession } from '../../../../src/core/session/session';
import {
  amendedSession,
  DEDUCT_SHEET,
  draftSession,
  evaluatedSession,
  RESIDENT,
  signedOffSession,
  TEACHING_CASE,
  TUTOR,
  vetoedSession,
  withClock,
} from '../../../fixtures/teachingSessions';

const NOW = '2026-11-10T00:00:00Z';

function input(session: TeachingSession, patient?: SessionExportInput['patient']): SessionExportInput {
  return { session, teachingCase: TEACHING_CASE, resident: RESIDENT, tutor: TUTOR, ...(patient ? { patient } : {}) };
}

const patient = { name: '张三', imageNumber: 'CT20261103001', examDate: '2026-11-02', examType: 'CT 平扫+增强', examTechnique: '1 mm 薄层重建' };

describe('printableSession: header', () => {
  it('has the paper sheet’s header fields in its order, then tutor, case, date and time on the clock', () => {
    const form = printableSession(input(signedOffSession(), patient), 'zh-CN', NOW);
    expect(form.header.map(field => [field.label, field.value])).toEqual([
      ['影像号', 'CT20261103001'],
      ['患者姓名', '张三'],
      ['检查部位/项目', '胸部'],
      ['检查日期', '2026-11-02'],
      ['检查类型', 'CT 平扫+增强'],
      ['检查技术', '1 mm 薄层重建'],
      ['住院医师', '李明'],
      ['培训年级', '住培第二年'],
      ['指导医师', '王芳'],
      ['病例', '右肺上叶磨玻璃结节'],
      ['教学日期', '2026-11-03'],
      ['教学时长', '38 分钟（要求 30–45 分钟，达标）'],
    ]);
    expect(form.clock).toEqual({ minutes: 38, target: { min: 30, max: 45 }, standing: 'onTarget' });
  });

  it('leaves patient lines blank when not given and falls back to the case modality for the exam type', () => {
    const form = printableSession(input(signedOffSession()), 'en', NOW);
    expect(Object.fromEntries(form.header.map(field => [field.key, field.value]))).toEqual({
      imageNumber: '',
      patientName: '',
      examPart: '胸部',
      examDate: '',
      examType: 'CT',
      examTechnique: '',
      resident: '李明',
      trainingYear: 'Year 2',
      tutor: '王芳',
      caseTitle: '右肺上叶磨玻璃结节',
      sessionDate: '2026-11-03',
      minutes: '38 min (target 30–45 min, on target)',
    });
    expect(form.header.map(field => field.label)).toEqual([
      'Image number',
      'Patient name',
      'Body part / examination',
      'Examination date',
      'Examination type',
      'Technique',
      'Resident',
      'Training year',
      'Tutor',
      'Case',
      'Session date',
      'Time on the clock',
    ]);
  });

  it('shows a short, a long and an untimed session, and dates an untimed one by its plan in Beijing', () => {
    const minutes = (session: TeachingSession, language: 'zh-CN' | 'en') =>
      printableSession(input(session), language, NOW).header.find(field => field.key === 'minutes')?.value;
    expect(minutes(signedOffSession({ minutes: 25 }), 'zh-CN')).toBe('25 分钟（要求 30–45 分钟，不足）');
    expect(minutes(signedOffSession({ minutes: 50 }), 'en')).toBe('50 min (target 30–45 min, long)');
    const untimed = signedOffSession({ start: null, plannedAt: '2026-10-31T20:00:00Z' });
    const form = printableSession(input(untimed), 'zh-CN', NOW);
    expect(minutes(untimed, 'zh-CN')).toBe('未计时');
    expect(form.clock).toEqual({ minutes: null, target: { min: 30, max: 45 }, standing: null });
    expect(form.header.find(field => field.key === 'sessionDate')?.value).toBe('2026-11-01');
  });

  it('counts a running clock up to now', () => {
    const running = { ...draftSession(), timer: { intervals: [{ start: '2026-11-03T01:00:00Z' }] } };
    expect(printableSession(input(running), 'en', '2026-11-03T01:20:00Z').clock.minutes).toBe(20);
  });

  it('names the form, the time it was printed and every fixed heading in the chosen language', () => {
    const zh = printableSession(input(signedOffSession()), 'zh-CN', NOW);
    expect(zh.title).toBe('影像诊断报告书写指导记录');
    expect(zh.generatedAt).toBe('2026-11-10 08:00');
    expect(zh.headings.remark).toBe('备注');
    expect(zh.headings.feedback).toBe('反馈');
    expect(zh.headings.guidance).toBe('指导');
    expect(zh.headings.rating).toBe('报告整体评价');
    expect(zh.headings.mainProblems).toBe('主要问题');
    expect(printableSession(input(signedOffSession()), 'en', NOW).headings.vetoes).toBe('Veto items');
  });
});

describe('printableSession: stage evaluation form', () => {
  it('lists every stage with its criteria, scores, levels, remarks, total and the tutor’s notes', () => {
    const form = printableSession(input(signedOffSession()), 'zh-CN', NOW);
    expect(form.stageForm.name).toBe('测试环节评分表');
    const [clinical, technique, signs, diagnosis, report] = form.stageForm.stages;
    expect(clinical).toEqual({
      stage: '4.1',
      title: '临床信息提取与分析',
      scoredOn: 'criteria',
      criteria: [
        { id: 'completeness', label: '临床信息完整', max: 6, score: 5, notApplicable: false, level: null, remark: '' },
        { id: 'purpose', label: '检查目的明确', max: 4, score: 3.5, notApplicable: false, level: null, remark: '检查目的应写入报告' },
      ],
      max: 10,
      returns: [],
      questions: [],
      status: '已评分',
      score: 8.5,
      complete: true,
      remark: '4.1 备注',
      feedback: '4.1 反馈',
      guidance: '4.1 指导',
      evaluatedBy: '王芳',
      evaluatedAt: '2026-11-03 09:50',
    });
    expect(technique?.criteria).toEqual([{ id: 'quality', label: '图像质量评价', max: 10, score: 6, notApplicable: false, level: '一般', remark: '' }]);
    expect([technique, signs, diagnosis].map(stage => [stage?.stage, stage?.title, stage?.score, stage?.max])).toEqual([
      ['4.2', '影像技术执行与分析', 6, 10],
      ['4.3', '影像征象提取与分析', 8, 10],
      ['4.4', '临床思维与影像诊断', 9, 10],
    ]);
    expect(report).toMatchObject({ stage: '4.5', title: '报告书写与评价', scoredOn: 'reportSheet', criteria: [], score: 84, max: 100, remark: '4.5 备注' });
  });

  it('uses the rubric’s English labels in English', () => {
    const [clinical, technique] = printableSession(input(signedOffSession()), 'en', NOW).stageForm.stages;
    expect(clinical?.title).toBe('Clinical information');
    expect(clinical?.status).toBe('Scored');
    expect(clinical?.criteria.map(criterion => criterion.label)).toEqual(['Clinical information complete', 'Purpose of the examination stated']);
    expect(technique?.criteria[0]?.level).toBe('Fair');
  });

  it('prints stage 4.2 of a real-time exam on its real-time criteria', () => {
    const session = signedOffSession({ realTime: true, stageScores: { '4.2': { procedure: 7.5 } } });
    const technique = printableSession(input(session), 'en', NOW).stageForm.stages[1];
    expect(technique?.criteria).toEqual([{ id: 'procedure', label: 'Procedure done to protocol', max: 10, score: 7.5, notApplicable: false, level: null, remark: '' }]);
    expect(technique?.score).toBe(7.5);
  });

  it('leaves a draft blank: no scores, no notes, nobody evaluated', () => {
    const form = printableSession(input(draftSession()), 'zh-CN', NOW);
    for (const stage of form.stageForm.stages) {
      expect(stage).toMatchObject({ status: '草稿', score: null, remark: '', feedback: '', guidance: '', evaluatedBy: null, evaluatedAt: null });
      expect(stage.criteria.every(criterion => criterion.score === null && criterion.level === null)).toBe(true);
      expect(stage).not.toHaveProperty('asSigned');
    }
    expect(form.stageForm.stages.map(stage => stage.max)).toEqual([10, 10, 10, 10, 100]);
    expect(form.signOff).toBeNull();
    expect(form.amendments).toEqual([]);
  });
});

describe('printableSession: report quality sheet', () => {
  it('fills in sections, items, remarks, subtotals, vetoes, total, rating and main problems', () => {
    const sheet = printableSession(input(signedOffSession()), 'zh-CN', NOW).reportSheet;
    expect(sheet).toEqual({
      name: '测试报告质量评价表',
      scoring: 'award',
      max: 100,
      sections: [
        {
          id: 'general',
          title: '一般信息',
          points: 20,
          items: [
            { id: 'patientInfo', label: '患者信息', points: 10, score: 9, notApplicable: false, deducted: null, remark: '' },
            { id: 'clinicalInfo', label: '临床主要信息及检查目的', points: 10, score: 8, notApplicable: false, deducted: null, remark: '' },
          ],
          subtotal: 17,
        },
        {
          id: 'description',
          title: '影像描述',
          points: 40,
          items: [
            { id: 'complete', label: '描述全面，条理清楚', points: 20, score: 18, notApplicable: false, deducted: null, remark: '' },
            { id: 'negatives', label: '重要阴性征象描述', points: 20, score: 15, notApplicable: false, deducted: null, remark: '' },
          ],
          subtotal: 33,
        },
        {
          id: 'diagnosis',
          title: '影像诊断',
          points: 40,
          items: [
            { id: 'answer', label: '回答临床问题', points: 25, score: 22, notApplicable: false, deducted: null, remark: '' },
            { id: 'advice', label: '给临床的建议明确', points: 15, score: 12, notApplicable: false, deducted: null, remark: '建议写明随访间隔' },
          ],
          subtotal: 34,
        },
      ],
      vetoes: [
        { id: 'wrongPatient', label: '患者与图像不对应', ticked: false },
        { id: 'missedDisease', label: '漏诊重要疾病', ticked: false },
      ],
      bands: [
        { id: 'excellent', label: '优秀', min: 90, chosen: false },
        { id: 'good', label: '良好', min: 80, chosen: true },
        { id: 'pass', label: '基本合格', min: 60, chosen: false },
        { id: 'fail', label: '不合格', min: 0, chosen: false },
      ],
      itemTotal: 84,
      vetoed: false,
      total: 84,
      complete: true,
      band: '良好',
      mainProblems: '未描述纵隔淋巴结',
    });
  });

  it('ticks a veto and scores the report 0, keeping the item points visible', () => {
    const sheet = printableSession(input(vetoedSession()), 'en', NOW).reportSheet;
    expect(sheet.vetoes).toEqual([
      { id: 'wrongPatient', label: 'Patient and images do not match', ticked: false },
      { id: 'missedDisease', label: 'Important disease missed', ticked: true },
    ]);
    expect(sheet).toMatchObject({ itemTotal: 84, vetoed: true, total: 0, band: 'Fail' });
    expect(sheet.bands.find(band => band.chosen)?.id).toBe('fail');
    expect(sheet.sections.map(section => section.subtotal)).toEqual([17, 33, 34]);
  });

  it('shows what was taken off on a deduct sheet beside what each item earned', () => {
    const session = signedOffSession({ sheet: DEDUCT_SHEET, sheetItems: { patientInfo: 1, clinicalInfo: 0, complete: 2.5, negatives: 0, answer: 5, advice: 0 } });
    const sheet = printableSession(input(session), 'zh-CN', NOW).reportSheet;
    expect(sheet.scoring).toBe('deduct');
    expect(sheet.sections[0]?.items.map(item => [item.deducted, item.score])).toEqual([
      [1, 9],
      [0, 10],
    ]);
    expect(sheet.sections.map(section => section.subtotal)).toEqual([19, 37.5, 35]);
    expect(sheet.total).toBe(91.5);
    expect(sheet.band).toBe('优秀');
  });

  it('leaves an unscored sheet blank', () => {
    const sheet = printableSession(input(draftSession()), 'zh-CN', NOW).reportSheet;
    expect(sheet).toMatchObject({ itemTotal: null, vetoed: null, total: null, complete: null, band: null, mainProblems: '' });
    expect(sheet.sections.flatMap(section => section.items).every(item => item.score === null && item.remark === '')).toBe(true);
    expect(sheet.sections.every(section => section.subtotal === null)).toBe(true);
    expect(sheet.bands.some(band => band.chosen)).toBe(false);
  });
});

describe('printableSession: what is not final yet', () => {
  it('prints a partly scored stage and sheet as in progress: the points so far, marked incomplete, and no rating ticked', () => {
    const partial = evaluatedSession({ stageScores: { '4.1': { completeness: 5 } }, sheetItems: { patientInfo: 9, clinicalInfo: 8, complete: 18 } });
    const form = printableSession(input(partial), 'zh-CN', NOW);
    expect(form.stageForm.stages[0]).toMatchObject({ status: '评分未完成', score: 5, complete: false });
    expect(form.stageForm.stages[1]).toMatchObject({ status: '已评分', complete: true });
    expect(form.stageForm.stages[4]).toMatchObject({ status: '评分未完成', score: 35, complete: false });
    expect(form.reportSheet).toMatchObject({ total: 35, complete: false, band: null });
    expect(form.reportSheet.bands.some(band => band.chosen)).toBe(false);
    expect(form.headings.incomplete).toBe('评分未完成');
    expect(printableSession(input(partial), 'en', NOW).stageForm.stages[0]?.status).toBe('Scoring in progress');
  });

  it('prints an empty deduct sheet as not scored, not as 100 优秀', () => {
    const blank = evaluatedSession({ sheet: DEDUCT_SHEET, sheetItems: {} });
    const sheet = printableSession(input(blank), 'zh-CN', NOW).reportSheet;
    expect(sheet).toMatchObject({ complete: false, band: null });
    expect(sheet.total).not.toBe(100);
    expect(sheet.sections[0]?.items.map(item => [item.deducted, item.score])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('prints criteria and items marked not applicable as such, with their full marks', () => {
    const session = evaluatedSession({ stageScores: { '4.4': { finalDiagnosis: 4 } } });
    const withMarks = structuredClone(session);
    const diagnosis = withMarks.stages['4.4'].evaluation as CriteriaEvaluation;
    diagnosis.notApplicable = ['differential'];
    const report = withMarks.stages['4.5'].evaluation as ReportEvaluation;
    delete report.sheet.items.advice;
    report.sheet.notApplicable = ['advice'];
    const form = printableSession(input(withMarks), 'zh-CN', NOW);
    expect(form.stageForm.stages[3]?.criteria[0]).toMatchObject({ id: 'differential', score: 5, notApplicable: true });
    expect(form.stageForm.stages[3]).toMatchObject({ score: 9, complete: true });
    expect(form.reportSheet.sections[2]?.items[1]).toMatchObject({ id: 'advice', score: 15, notApplicable: true });
    expect(form.reportSheet).toMatchObject({ total: 87, complete: true, band: '良好' });
    expect([form.headings.notApplicable, printableSession(input(withMarks), 'en', NOW).headings.notApplicable]).toEqual(['不适用', 'n/a']);
  });
});

describe('printableSession: preparation', () => {
  it('prints the year check, the notices and the resident’s checklist', () => {
    const session = structuredClone(draftSession({ realTime: true }));
    session.preparation = {
      caseTrainingYear: 3,
      yearMismatchAccepted: { at: '2026-10-30T02:00:00Z', by: TUTOR.id, reason: '能力较强' },
      checklist: { qualityStandard: true, writingNorms: true, examNorms: false, radiationProtection: true },
    };
    session.schedule.residentNotifiedAt = '2026-10-28T01:00:00Z';
    const zh = printableSession(input(session), 'zh-CN', NOW).preparation;
    expect(zh.lines.map(line => [line.label, line.value])).toEqual([
      ['病例适用年级', '住培第三年'],
      ['与住院医师年级核对', '不符，指导医师已确认：能力较强'],
      ['告知患者', '尚未'],
      ['提前通知住院医师', '2026-10-28 09:00'],
    ]);
    expect(zh.checklist.map(item => [item.label, item.done])).toEqual([
      ['了解报告书写质量评价标准', true],
      ['熟悉影像诊断报告书写规范', true],
      ['熟悉影像检查规范', false],
      ['熟悉辐射防护原则', true],
    ]);
    const en = printableSession(input(draftSession()), 'en', NOW).preparation;
    expect(en.lines.map(line => line.value)).toEqual(['Year 2', 'matches', 'not needed (no real-time examination)', 'not yet']);
  });
});

describe('printableSession: sign-off and amendments', () => {
  it('says who signed and when', () => {
    expect(printableSession(input(signedOffSession()), 'zh-CN', NOW).signOff).toEqual({ by: { id: 'tutor-wang', name: '王芳' }, at: '2026-11-03 09:55' });
  });

  it('prints current values with the signed ones beside what an amendment changed', () => {
    const form = printableSession(input(amendedSession()), 'zh-CN', NOW);
    const clinical = form.stageForm.stages[0];
    expect(clinical?.criteria[0]).toEqual({ id: 'completeness', label: '临床信息完整', max: 6, score: 6, notApplicable: false, level: null, remark: '', asSigned: { score: 5 } });
    expect(clinical?.criteria[1]).not.toHaveProperty('asSigned');
    expect(clinical?.score).toBe(9.5);
    expect(clinical?.asSigned).toEqual({ score: 8.5 });
    expect(form.stageForm.stages[1]).not.toHaveProperty('asSigned');
    expect(form.stageForm.stages[4]?.asSigned).toEqual({ score: 84 });
    const diagnosis = form.reportSheet.sections[2];
    expect(diagnosis?.items[1]).toMatchObject({ id: 'advice', score: 14, asSigned: { score: 12 } });
    expect(diagnosis?.subtotal).toBe(36);
    expect(diagnosis?.asSigned).toEqual({ subtotal: 34 });
    expect(form.reportSheet.sections[0]).not.toHaveProperty('asSigned');
    expect(form.reportSheet).toMatchObject({ itemTotal: 86, total: 86, band: '良好', asSigned: { itemTotal: 84, total: 84 } });
    expect(form.signOff).toEqual({ by: { id: 'tutor-wang', name: '王芳' }, at: '2026-11-03 09:55' });
  });

  it('lists each amendment: when, who, why and what changed from what to what', () => {
    expect(printableSession(input(amendedSession()), 'zh-CN', NOW).amendments).toEqual([
      {
        id: 'amendment-1',
        at: '2026-11-04 09:55',
        by: { id: 'tutor-wang', name: '王芳' },
        reason: '复核后更正评分',
        changes: [
          { field: '4.1 临床信息提取与分析 › 临床信息完整', path: ['stages', '4.1', 'evaluation', 'scores', 'completeness'], before: '5', after: '6' },
          { field: '4.5 报告书写与评价 › 给临床的建议明确', path: ['stages', '4.5', 'evaluation', 'sheet', 'items', 'advice'], before: '12', after: '14' },
        ],
      },
    ]);
  });

  it('writes levels, vetoes, notes and people in words, and a newly ticked veto beside the signed sheet', () => {
    const signed = signedOffSession();
    const amended = structuredClone(signed);
    (amended.stages['4.2'].evaluation as CriteriaEvaluation).scores.quality = 'good';
    (amended.stages['4.2'].evaluation as CriteriaEvaluation).feedback = '质量评价准确';
    (amended.stages['4.5'].evaluation as ReportEvaluation).sheet.vetoes = ['missedDisease', 'wrongPatient'];
    (amended.stages['4.5'].evaluation as ReportEvaluation).sheet.itemRemarks.answer = '未回答临床问题';
    (amended.stages['4.5'].evaluation as ReportEvaluation).sheet.mainProblems = '漏诊纵隔淋巴结转移';
    const session: TeachingSession = {
      ...amended,
      amendments: [
        {
          id: 'amendment-1',
          at: '2026-11-05T02:00:00Z',
          by: 'admin-zhou',
          reason: '科室复核',
          changes: [
            { path: ['stages', '4.2', 'evaluation', 'scores', 'quality'], before: 'fair', after: 'good' },
            { path: ['stages', '4.2', 'evaluation', 'feedback'], before: '4.2 反馈', after: '质量评价准确' },
            { path: ['stages', '4.2', 'evaluation', 'evaluatorId'], before: 'tutor-wang', after: 'resident-li' },
            { path: ['stages', '4.2', 'evaluation', 'evaluatedAt'], before: '2026-11-03T01:50:00.000Z', after: '2026-11-05T02:00:00Z' },
            { path: ['stages', '4.5', 'evaluation', 'sheet', 'vetoes'], before: [], after: ['missedDisease', 'wrongPatient'] },
            { path: ['stages', '4.5', 'evaluation', 'sheet', 'itemRemarks', 'answer'], before: undefined, after: '未回答临床问题' },
            { path: ['stages', '4.5', 'evaluation', 'sheet', 'mainProblems'], before: '未描述纵隔淋巴结', after: '漏诊纵隔淋巴结转移' },
            { path: ['schedule', 'place'], before: '阅片室 2', after: '阅片室 3' },
          ],
        },
      ],
    };
    const form = printableSession(input(session), 'en', NOW);
    const [amendment] = form.amendments;
    expect(amendment?.by).toEqual({ id: 'admin-zhou', name: 'admin-zhou' });
    expect(amendment?.changes.map(change => [change.field, change.before, change.after])).toEqual([
      ['4.2 Imaging technique › Image quality judged', 'Fair (6)', 'Good (10)'],
      ['4.2 Imaging technique › Feedback', '4.2 反馈', '质量评价准确'],
      ['4.2 Imaging technique › Evaluated by', '王芳', '李明'],
      ['4.2 Imaging technique › Evaluated at', '2026-11-03 09:50', '2026-11-05 10:00'],
      ['4.5 Report writing and review › Veto items', '—', 'Important disease missed; Patient and images do not match'],
      ['4.5 Report writing and review › Answers the clinical question › Remark', '—', '未回答临床问题'],
      ['4.5 Report writing and review › Main problems', '未描述纵隔淋巴结', '漏诊纵隔淋巴结转移'],
      ['schedule › place', '阅片室 2', '阅片室 3'],
    ]);
    expect(form.stageForm.stages[1]?.criteria[0]).toMatchObject({ score: 10, level: 'Good', asSigned: { score: 6, level: 'Fair' } });
    expect(form.stageForm.stages[1]?.asSigned).toEqual({ score: 6, feedback: '4.2 反馈' });
    expect(form.reportSheet.vetoes.map(veto => [veto.ticked, veto.asSigned])).toEqual([
      [true, { ticked: false }],
      [true, { ticked: false }],
    ]);
    expect(form.reportSheet.sections[2]?.items[0]).toMatchObject({ remark: '未回答临床问题', asSigned: { remark: '' } });
    expect(form.reportSheet).toMatchObject({
      vetoed: true,
      total: 0,
      band: 'Fail',
      asSigned: { vetoed: false, total: 84, band: 'Good', mainProblems: '未描述纵隔淋巴结' },
    });
  });

  it('shows no signed values on a session signed off and never amended', () => {
    const { headings, ...form } = printableSession(input(signedOffSession()), 'zh-CN', NOW);
    expect(headings.asSigned).toBe('签署时原值');
    expect(JSON.stringify(form)).not.toContain('asSigned');
  });
});

describe('printableSession: plain data', () => {
  it('survives JSON unchanged', () => {
    for (const session of [draftSession(), withClock(draftSession(), '2026-11-03T01:00:00Z', 10), signedOffSession(), vetoedSession(), amendedSession()]) {
      const form = printableSession(input(session, patient), 'zh-CN', NOW);
      expect(JSON.parse(JSON.stringify(form))).toEqual(form);
    }
  });
});
