import { describe, expect, it } from 'vitest';
import { caseFeatures } from '../../../../src/core/library/caseFeatures';
import { stagingMention } from '../../../../src/core/library/stagingMention';
import { emptyReport } from '../../../../src/core/session/stageWork';
import { teachingCase } from '../../../../src/core/session/teachingCase';
import { TEACHING_CASE } from '../../../fixtures/teachingSessions';

describe('stagingMention', () => {
  it.each([
    ['右肺上叶周围型肺癌，T2N0M0', 'T2N0M0'],
    ['直肠癌 pT3 N1 M0', 'pT3 N1 M0'],
    ['ycT2aN1', 'ycT2aN1'],
    ['TisN0M0 导管原位癌', 'TisN0M0'],
    ['肺癌（TxN2Mx）', 'TxN2Mx'],
    ['肺腺癌ⅢA期', 'ⅢA期'],
    ['宫颈癌IIB期', 'IIB期'],
    ['食管癌IV期', 'IV期'],
    ['肝细胞癌 4期', '4期'],
    ['Stage IIIA adenocarcinoma', 'Stage IIIA'],
    ['lung cancer, stage 2', 'stage 2'],
    ['无法分期，建议进一步检查', '分期'],
    ['TNM staging of the primary', 'TNM'],
    ['local staging by MR', 'staging'],
  ])('finds the stage in %s', (text, mention) => {
    expect(stagingMention(text)).toBe(mention);
  });

  it.each([
    ['右肺上叶结节，考虑良性'],
    ['晚期肺癌伴骨转移'],
    ['早期胃癌'],
    ['二期手术后改变'],
    ['end-stage renal disease'],
    ['T2WI 高信号'],
    ['T1 加权像'],
    ['C5-6 椎间盘突出'],
    ['30期随访'],
    ['VI期'],
  ])('finds no stage in %s', text => {
    expect(stagingMention(text)).toBeUndefined();
  });
});

describe('caseFeatures', () => {
  const base = { ...TEACHING_CASE, studyInstanceUIDs: ['1.2.3', '1.2.4', '1.2.5'], objectives: ['掌握 TNM 分期'] };

  it('counts the reference negative signs and the priors, and takes the stage from the reference before the objectives', () => {
    const features = caseFeatures(
      teachingCase.parse({
        ...base,
        referenceAnswer: {
          findings: [
            { id: 'p', kind: 'positive', description: '结节', location: '', annotationIds: [], pathology: '' },
            { id: 'n1', kind: 'negative', description: '无胸腔积液', location: '', annotationIds: [], pathology: '' },
            { id: 'n2', kind: 'negative', description: '纵隔淋巴结不大', location: '', annotationIds: [], pathology: '' },
          ],
          diagnosis: '右肺上叶结节',
          report: { ...emptyReport(), impression: '周围型肺癌，T1cN0M0，ⅠA3期' },
        },
      }),
    );
    expect(features).toEqual({ negativeSigns: 2, staging: { source: 'reference', mention: 'T1cN0M0' }, priors: 2, realTime: false, modality: 'CT' });
  });

  it('falls back to the objectives when the case has no reference answer, and finds nothing where nothing is staged', () => {
    expect(caseFeatures(teachingCase.parse(base))).toMatchObject({ negativeSigns: 0, staging: { source: 'objectives', mention: 'TNM' } });
    expect(caseFeatures(teachingCase.parse({ ...base, objectives: ['描述结节'], studyInstanceUIDs: ['1.2.3'] }))).toMatchObject({ staging: null, priors: 0 });
  });
});
