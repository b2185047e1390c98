import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_FORM } from '../../../../src/core/rubric/defaultStageForm';
import { criterionMax, stageForm, STAGES, type Criterion } from '../../../../src/core/rubric/rubricSchema';

const total = (criteria: Criterion[]) => criteria.reduce((sum, criterion) => sum + criterionMax(criterion), 0);

describe('the default stage form', () => {
  it('parses under the stage form schema unchanged', () => {
    expect(stageForm.parse(DEFAULT_STAGE_FORM)).toEqual(DEFAULT_STAGE_FORM);
  });

  it('has the stages 4.1–4.5 in order, titled as in the guide', () => {
    expect(DEFAULT_STAGE_FORM.stages.map(stage => stage.stage)).toEqual([...STAGES]);
    expect(DEFAULT_STAGE_FORM.stages.map(stage => stage.title.zh)).toEqual([
      '临床信息提取与分析',
      '影像技术执行与分析',
      '影像征象提取与分析',
      '依据临床分析思维，做出影像诊断',
      '影像诊断报告的书写与评价',
    ]);
  });

  it('has a short title for narrow places, in both languages', () => {
    expect(DEFAULT_STAGE_FORM.stages.map(stage => [stage.shortTitle.zh, stage.shortTitle.en])).toEqual([
      ['临床信息', 'Clinical information'],
      ['影像技术', 'Imaging technique'],
      ['影像征象', 'Imaging signs'],
      ['影像诊断', 'Diagnosis'],
      ['报告书写', 'Report'],
    ]);
  });

  it('lets the tutor mark as not applicable only what a case can leave nothing to judge by', () => {
    const optional = DEFAULT_STAGE_FORM.stages.flatMap(stage =>
      stage.scoring === 'criteria' ? [...stage.criteria, ...(stage.realTimeCriteria ?? [])].filter(criterion => criterion.mayNotApply).map(criterion => `${stage.stage} ${criterion.id}`) : [],
    );
    expect(optional).toEqual(['4.1 missing-information', '4.2 nursing', '4.2 improvement', '4.4 extent-or-stage', '4.4 change-from-prior']);
  });

  it('puts radiation dose and protection into the scan technique of 4.2', () => {
    const technique = DEFAULT_STAGE_FORM.stages[1];
    const scan = technique?.scoring === 'criteria' ? technique.criteria.find(criterion => criterion.id === 'scan-technique') : undefined;
    expect(scan?.description?.zh).toContain('辐射剂量与防护');
    expect(scan?.description?.en).toContain('radiation dose');
  });

  it('scores 4.1–4.4 on 20 points of criteria each, in half-point steps', () => {
    expect(DEFAULT_STAGE_FORM.step).toBe(0.5);
    for (const stage of DEFAULT_STAGE_FORM.stages.slice(0, 4)) {
      expect(stage.scoring, stage.stage).toBe('criteria');
      if (stage.scoring !== 'criteria') continue;
      expect(stage.total).toBe(20);
      expect(total(stage.criteria), stage.stage).toBe(20);
      if (stage.realTimeCriteria) expect(total(stage.realTimeCriteria), stage.stage).toBe(20);
    }
  });

  it('scores 4.5 on the report sheet', () => {
    expect(DEFAULT_STAGE_FORM.stages[4]).toMatchObject({ stage: '4.5', scoring: 'reportSheet' });
  });

  it('gives stage 4.2 real-time criteria and makes it carry image quality, which the report sheet lacks', () => {
    const technique = DEFAULT_STAGE_FORM.stages[1]!;
    if (technique.scoring !== 'criteria') throw new Error('4.2 is scored on criteria');
    expect(technique.criteria.map(criterion => criterion.id)).toContain('image-quality');
    expect(technique.realTimeCriteria?.map(criterion => criterion.id)).toContain('standard-protocol');
    expect(DEFAULT_STAGE_FORM.stages.filter(stage => stage.scoring === 'criteria' && stage.realTimeCriteria).map(stage => stage.stage)).toEqual(['4.2']);
  });

  it('describes every criterion in both languages', () => {
    for (const stage of DEFAULT_STAGE_FORM.stages) {
      if (stage.scoring !== 'criteria') continue;
      for (const criterion of [...stage.criteria, ...(stage.realTimeCriteria ?? [])]) {
        expect(criterion.description?.zh, criterion.id).toBeTruthy();
        expect(criterion.description?.en, criterion.id).toBeTruthy();
      }
    }
  });
});
