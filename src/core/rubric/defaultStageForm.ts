import { STAGE_SHORT_TITLES } from '../labels/stageLabels';
import type { StageForm } from './rubricSchema';

/**
 * The stage evaluation form for the guide's section 4. Each of 4.1–4.4 scores what the guide asks
 * the resident to do in that stage, 20 points a stage; 4.5 is scored on the report quality sheet.
 * Titles are the guide's headings. Criteria that a case can leave nothing to judge by may be marked
 * not applicable: nothing was missing (4.1), no nursing procedure or nothing to improve (4.2), no
 * tumour to stage or no prior to compare with (4.4).
 */
export const DEFAULT_STAGE_FORM: StageForm = {
  id: 'default-stages',
  version: 2,
  name: { zh: '影像诊断报告书写指导环节评价表', en: 'Report-writing instruction: stage evaluation form' },
  step: 0.5,
  stages: [
    {
      scoring: 'criteria',
      stage: '4.1',
      shortTitle: { ...STAGE_SHORT_TITLES['4.1'] },
      title: { zh: '临床信息提取与分析', en: 'Clinical information: extraction and analysis' },
      total: 20,
      criteria: [
        {
          kind: 'points',
          id: 'clinical-extraction',
          label: { zh: '提取临床信息', en: 'Extracts the clinical information' },
          description: {
            zh: '查阅申请单、门诊或住院病历、实验室检查结果，提取患者的临床基本信息并记录。',
            en: "Reads the request form, outpatient or inpatient records and laboratory results, and records the patient's basic clinical information.",
          },
          max: 6,
        },
        {
          kind: 'points',
          id: 'reason-and-purpose',
          label: { zh: '明确检查原因及目的', en: 'States the reason for and purpose of the examination' },
          description: {
            zh: '对上述信息分析归纳，明确影像检查的原因及目的。',
            en: 'Analyses and summarises that information and states why the examination was done and what it should answer.',
          },
          max: 5,
        },
        {
          kind: 'points',
          id: 'reports-to-tutor',
          label: { zh: '向指导医师汇报', en: 'Reports to the tutor' },
          description: { zh: '向指导医师汇报提取和分析的结果。', en: 'Presents what was extracted and concluded to the tutor.' },
          max: 3,
        },
        {
          kind: 'points',
          id: 'missing-information',
          label: { zh: '补充缺失信息', en: 'Obtains missing information' },
          description: {
            zh: '信息不全时联系患者或主管医师进行补充。',
            en: 'Where information is incomplete, contacts the patient or the referring doctor to obtain it.',
          },
          max: 3,
          mayNotApply: true,
        },
        {
          kind: 'points',
          id: 'key-points-in-report',
          label: { zh: '重点内容写入报告', en: 'Writes the key points into the report' },
          description: { zh: '重点临床信息写入影像诊断报告。', en: 'The key clinical information appears in the report.' },
          max: 3,
        },
      ],
    },
    {
      scoring: 'criteria',
      stage: '4.2',
      shortTitle: { ...STAGE_SHORT_TITLES['4.2'] },
      title: { zh: '影像技术执行与分析', en: 'Imaging technique: performance and analysis' },
      total: 20,
      criteria: [
        {
          kind: 'points',
          id: 'preparation',
          label: { zh: '检查前准备', en: 'Pre-examination preparation' },
          description: { zh: '通过图像观察，分析检查前准备是否恰当。', en: 'Judges from the images whether the patient was prepared appropriately.' },
          max: 3,
        },
        {
          kind: 'points',
          id: 'scan-technique',
          label: { zh: '扫描技术', en: 'Scan technique' },
          description: {
            zh: '分析扫描方案、参数及辐射剂量与防护是否符合检查规范。',
            en: 'Analyses whether the scan protocol, the parameters, the radiation dose and the protection used follow the examination standard.',
          },
          max: 4,
        },
        {
          kind: 'points',
          id: 'post-processing',
          label: { zh: '图像后处理重建技术', en: 'Post-processing and reconstruction' },
          description: {
            zh: '分析图像后处理及重建技术是否恰当。',
            en: 'Analyses whether post-processing and reconstruction were appropriate.',
          },
          max: 3,
        },
        {
          kind: 'points',
          id: 'nursing',
          label: { zh: '影像护理操作', en: 'Imaging nursing procedures' },
          description: {
            zh: '分析影像护理操作（如对比剂注射、患者监护）是否恰当。',
            en: 'Analyses the nursing procedures of the examination (e.g. contrast injection, patient monitoring).',
          },
          max: 2,
          mayNotApply: true,
        },
        {
          kind: 'points',
          id: 'image-quality',
          label: { zh: '评价影像检查质量及伪影', en: 'Rates image quality and artefacts' },
          description: {
            zh: '评价影像检查质量，识别伪影及其对诊断的影响。通用报告评分表不含图像质量，故在本环节评分。',
            en: 'Rates the image quality and recognises artefacts and their effect on diagnosis. The general report sheet has no image-quality item, so this stage scores it.',
          },
          max: 4,
        },
        {
          kind: 'points',
          id: 'improvement',
          label: { zh: '提出改进方案', en: 'Proposes improvements' },
          description: { zh: '必要时提出改进方案。', en: 'Where needed, proposes how the examination could be improved.' },
          max: 2,
          mayNotApply: true,
        },
        {
          kind: 'points',
          id: 'records-and-reports',
          label: { zh: '记录、汇报并写入报告', en: 'Records, reports and writes the key points into the report' },
          description: {
            zh: '记录相关信息并向指导医师汇报，回答提问，重点技术内容写入影像诊断报告。',
            en: "Records the relevant information, reports to the tutor, answers the tutor's questions, and writes the key technical points into the report.",
          },
          max: 2,
        },
      ],
      realTimeCriteria: [
        {
          kind: 'points',
          id: 'preparation',
          label: { zh: '检查前准备', en: 'Pre-examination preparation' },
          description: {
            zh: '核对患者信息，确认检查前准备，与患者沟通以取得配合。',
            en: "Checks the patient and the preparation, and explains the procedure to obtain the patient's cooperation.",
          },
          max: 3,
        },
        {
          kind: 'points',
          id: 'standard-protocol',
          label: { zh: '按规范方案完成操作', en: 'Performs the examination following the standard protocol' },
          description: {
            zh: '在指导医师的指导下，按照规范方案完成操作。',
            en: "Performs the examination or procedure under the tutor's guidance, following the standard protocol.",
          },
          max: 6,
        },
        {
          kind: 'points',
          id: 'image-quality',
          label: { zh: '图像采集质量及伪影', en: 'Image acquisition quality and artefacts' },
          description: {
            zh: '获取规范切面或图像，调节仪器参数，识别伪影。',
            en: 'Obtains the standard views or images, adjusts the settings and recognises artefacts.',
          },
          max: 4,
        },
        {
          kind: 'points',
          id: 'records',
          label: { zh: '记录相关信息', en: 'Records the relevant information' },
          description: {
            zh: '记录操作过程、测量值及存储的图像。',
            en: 'Records the procedure, the measurements and the images stored.',
          },
          max: 3,
        },
        {
          kind: 'points',
          id: 'answers-questions',
          label: { zh: '回答指导医师提问', en: "Answers the tutor's questions" },
          description: { zh: '操作过程中回答指导医师的提问。', en: "Answers the tutor's questions during the procedure." },
          max: 2,
        },
        {
          kind: 'points',
          id: 'key-points-in-report',
          label: { zh: '重点内容写入报告', en: 'Writes the key points into the report' },
          description: { zh: '重点操作及技术内容写入影像诊断报告。', en: 'The key procedural and technical points appear in the report.' },
          max: 2,
        },
      ],
    },
    {
      scoring: 'criteria',
      stage: '4.3',
      shortTitle: { ...STAGE_SHORT_TITLES['4.3'] },
      title: { zh: '影像征象提取与分析', en: 'Imaging signs: extraction and analysis' },
      total: 20,
      criteria: [
        {
          kind: 'points',
          id: 'all-relevant-images',
          label: { zh: '判读所有相关图像', en: 'Reads all relevant images' },
          description: {
            zh: '判读所有相关的影像学图像（包括各序列、各时相及重建图像）。',
            en: 'Reads every relevant image, including all series, phases and reconstructions.',
          },
          max: 4,
        },
        {
          kind: 'points',
          id: 'positive-signs',
          label: { zh: '发现阳性影像征象', en: 'Finds the positive signs' },
          description: { zh: '发现阳性影像征象。', en: 'Finds the positive imaging signs.' },
          max: 5,
        },
        {
          kind: 'points',
          id: 'pertinent-negatives',
          label: { zh: '重要阴性征象', en: 'Pertinent negative signs' },
          description: {
            zh: '发现具有鉴别诊断价值的重要阴性影像征象。',
            en: 'Identifies the negative signs that matter for the differential diagnosis.',
          },
          max: 3,
        },
        {
          kind: 'points',
          id: 'pathology-and-mechanism',
          label: { zh: '推导病理变化并分析机制', en: 'Infers the pathology and its mechanism' },
          description: {
            zh: '基于影像征象推导病变的基本病理变化，分析其机制。',
            en: 'Infers the underlying pathology from the signs and explains how it produces them.',
          },
          max: 4,
        },
        {
          kind: 'points',
          id: 'reports-to-tutor',
          label: { zh: '向指导医师汇报', en: 'Reports to the tutor' },
          description: {
            zh: '向指导医师汇报发现的阳性征象，回答提问。',
            en: "Presents the positive signs to the tutor and answers the tutor's questions.",
          },
          max: 2,
        },
        {
          kind: 'points',
          id: 'signs-in-report',
          label: { zh: '重要征象写入报告', en: 'Writes the important signs into the report' },
          description: { zh: '重要征象必须写入影像诊断报告。', en: 'The important signs must appear in the report.' },
          max: 2,
        },
      ],
    },
    {
      scoring: 'criteria',
      stage: '4.4',
      shortTitle: { ...STAGE_SHORT_TITLES['4.4'] },
      title: { zh: '依据临床分析思维，做出影像诊断', en: 'Imaging diagnosis by clinical reasoning' },
      total: 20,
      criteria: [
        {
          kind: 'points',
          id: 'differentials',
          label: { zh: '提出鉴别诊断', en: 'Proposes differential diagnoses' },
          description: {
            zh: '依据临床信息、影像征象及基本病变的归纳总结，提出鉴别诊断。',
            en: 'Proposes differential diagnoses from the clinical information, the signs and the inferred pathology.',
          },
          max: 4,
        },
        {
          kind: 'points',
          id: 'synthesis',
          label: { zh: '综合分析并汇报思路', en: 'Synthesises and explains the reasoning' },
          description: {
            zh: '进行综合分析，向指导医师汇报鉴别诊断的思路、要点。',
            en: 'Weighs the findings together and explains to the tutor how and on what points the differentials were separated.',
          },
          max: 4,
        },
        {
          kind: 'points',
          id: 'final-diagnosis',
          label: { zh: '最后诊断及病变性质', en: 'Final diagnosis and likely nature' },
          description: { zh: '做出最后诊断，包括病变的可能性质。', en: 'Reaches a final diagnosis, including the likely nature of the disease.' },
          max: 4,
        },
        {
          kind: 'points',
          id: 'extent-or-stage',
          label: { zh: '病变程度（如肿瘤分期）', en: 'Extent (e.g. tumour stage)' },
          description: { zh: '判断病变程度，如肿瘤分期。', en: 'States the extent of disease, such as the tumour stage.' },
          max: 3,
          mayNotApply: true,
        },
        {
          kind: 'points',
          id: 'change-from-prior',
          label: { zh: '与以前影像检查对照', en: 'Change against previous examinations' },
          description: { zh: '与以前影像检查对照，说明病变变化。', en: 'Compares with previous examinations and states how the disease has changed.' },
          max: 2,
          mayNotApply: true,
        },
        {
          kind: 'points',
          id: 'cannot-exclude',
          label: { zh: '不能除外的其他疾病', en: 'What cannot be excluded' },
          description: { zh: '指出不能除外的其他疾病。', en: 'Names the other diseases that cannot be excluded.' },
          max: 2,
        },
        {
          kind: 'points',
          id: 'diagnosis-in-report',
          label: { zh: '最后诊断写入报告', en: 'Writes the final diagnosis into the report' },
          description: { zh: '最后诊断须写入影像诊断报告。', en: 'The final diagnosis must appear in the report.' },
          max: 1,
        },
      ],
    },
    {
      scoring: 'reportSheet',
      stage: '4.5',
      shortTitle: { ...STAGE_SHORT_TITLES['4.5'] },
      title: { zh: '影像诊断报告的书写与评价', en: 'Report writing and evaluation' },
    },
  ],
};
