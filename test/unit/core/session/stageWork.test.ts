import { describe, expect, it } from 'vitest';
import { prefillReport } from '../../../../src/core/session/reportPrefill';
import { clinicalInfoWork, emptyReport, emptyWork, reportWork, techniqueWork } from '../../../../src/core/session/stageWork';
import { RESIDENT, SessionDriver } from '../../../fixtures/sessionRules';

describe('clinical information items (guide 4.1)', () => {
  it('are available, missing, or obtained from the patient or the referring doctor, saying what was obtained', () => {
    const work = emptyWork()['4.1'];
    work.items.labs = { status: 'missing', text: '' };
    work.items.priorImaging = { status: 'obtained', text: '2026-04 外院 CT：右肺上叶结节 8 mm', from: 'referringDoctor' };
    work.items.history = { status: 'obtained', text: '吸烟 30 年', from: 'patient' };
    expect(clinicalInfoWork.safeParse(work).success).toBe(true);
    const driver = new SessionDriver().do({ type: 'saveWork', stage: '4.1', work }, RESIDENT);
    expect(driver.session.stages['4.1'].work.items.priorImaging).toEqual({ status: 'obtained', text: '2026-04 外院 CT：右肺上叶结节 8 mm', from: 'referringDoctor' });
  });

  it('refuse "obtained" without whom from or without what', () => {
    const driver = new SessionDriver();
    const work = emptyWork()['4.1'];
    const withoutSource = driver.attempt({ type: 'saveWork', stage: '4.1', work: { ...work, items: { ...work.items, labs: { status: 'obtained', text: 'CEA 正常' } } } }, RESIDENT);
    expect(withoutSource.ok || withoutSource.problem.message.en).toContain('items.labs.from');
    const withoutText = driver.attempt({ type: 'saveWork', stage: '4.1', work: { ...work, items: { ...work.items, labs: { status: 'obtained', text: ' ', from: 'patient' } } } }, RESIDENT);
    expect(withoutText.ok || withoutText.problem.message.en).toContain('say what was obtained');
  });
});

describe('stage 4.2 work', () => {
  it('records nursing procedures and the radiation dose and protection beside the scan technique', () => {
    const work = { ...emptyWork()['4.2'], nursing: '经肘静脉团注对比剂 80 ml，观察 30 分钟无不良反应', radiation: 'CTDIvol 6.2 mGy，甲状腺铅围脖防护', imageQuality: 'gradeB' as const };
    expect(techniqueWork.parse(work)).toEqual(work);
    expect(techniqueWork.safeParse({ ...work, imageQuality: 'good' }).success).toBe(false);
  });
});

describe('the report (4.5)', () => {
  it('holds what the sheet scores: clinical information and recommendations beside examination, technique, findings and impression', () => {
    expect(Object.keys(reportWork.shape)).toEqual(['examination', 'clinicalInformation', 'technique', 'findings', 'impression', 'recommendations']);
  });

  const work = () => {
    const all = emptyWork();
    all['4.1'].summary = '体检发现右肺上叶结节，较 6 个月前增大';
    all['4.2'] = { ...all['4.2'], protocol: '胸部 CT 平扫，1 mm 重建', postProcessing: 'MPR 及 MIP', radiation: 'CTDIvol 6.2 mGy' };
    all['4.3'].findings = [
      { id: 'n1', kind: 'negative', description: '纵隔淋巴结不大', location: '纵隔', annotationIds: [], pathology: '' },
      { id: 'p1', kind: 'positive', description: '实性结节，14 mm，分叶', location: '右肺上叶尖段', annotationIds: ['1.2.3'], pathology: '肿瘤性生长' },
    ];
    all['4.4'] = { ...all['4.4'], finalDiagnosis: '右肺上叶周围型肺癌可能大', cannotExclude: ['结核球', '炎性假瘤'] };
    return all;
  };

  it('is prefilled from the work of 4.1–4.4: clinical information from the 4.1 summary, positive signs before negative ones', () => {
    expect(prefillReport(emptyReport(), work(), 'zh-CN', '胸部 CT 平扫')).toEqual({
      examination: '胸部 CT 平扫',
      clinicalInformation: '体检发现右肺上叶结节，较 6 个月前增大',
      technique: '胸部 CT 平扫，1 mm 重建；MPR 及 MIP；CTDIvol 6.2 mGy',
      findings: '右肺上叶尖段：实性结节，14 mm，分叶\n纵隔：纵隔淋巴结不大',
      impression: '右肺上叶周围型肺癌可能大\n不除外结核球、炎性假瘤',
      recommendations: '',
    });
    expect(prefillReport(emptyReport(), work(), 'en').impression).toBe('右肺上叶周围型肺癌可能大\nCannot be excluded: 结核球, 炎性假瘤');
  });

  it('never overwrites what the resident has written', () => {
    const written = { ...emptyReport(), clinicalInformation: '住院医师自己写的临床信息', recommendations: '建议 PET-CT' };
    const filled = prefillReport(written, work(), 'zh-CN');
    expect(filled.clinicalInformation).toBe('住院医师自己写的临床信息');
    expect(filled.recommendations).toBe('建议 PET-CT');
    expect(filled.findings).not.toBe('');
  });
});
