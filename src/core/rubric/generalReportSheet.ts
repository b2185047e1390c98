import { BAND_MAPPING_NOTE, DEFAULT_RATING_BANDS } from './ratingBands';
import type { ReportSheet, VetoItem } from './rubricSchema';

/** The sheet chosen for any modality no other sheet lists; rubric sets must contain a sheet with this id. */
export const GENERAL_REPORT_SHEET_ID = 'general';

/** 一票否决: the eight errors that make a report worthless whatever else it gets right. Other sheets take a copy. */
export const GENERAL_VETOES: VetoItem[] = [
  { id: 'patient-image-mismatch', label: { zh: '患者与图像不对应', en: 'Images do not belong to the patient reported' } },
  { id: 'gross-mislocalisation', label: { zh: '病变定位严重错误', en: 'Lesion grossly mislocalised' } },
  { id: 'sex-mismatch', label: { zh: '器官描述与性别不符', en: "Organs described do not match the patient's sex" } },
  {
    id: 'incomplete-coverage',
    label: { zh: '报告未包括本次影像检查的所有部位', en: 'Report does not cover every region of this examination' },
  },
  { id: 'missed-major-disease', label: { zh: '漏诊重要疾病', en: 'Significant disease missed' } },
  { id: 'typical-lesion-misdiagnosed', label: { zh: '典型病变诊断错误', en: 'Typical lesion misdiagnosed' } },
  {
    id: 'resected-organ-described',
    label: { zh: '已经切除的器官按器官存在描述', en: 'Surgically removed organ described as present' },
  },
  {
    id: 'prior-comparison-error',
    label: { zh: '与以往的检查报告比较，出现严重错误', en: 'Serious error in the comparison with previous reports' },
  },
];

/**
 * 《住院医师规范化培训影像诊断报告书写质量评价表（通用表）》, item for item as published. Tumour
 * staging and the comparison with previous examinations may be marked not applicable (no tumour,
 * no prior) and then earn their points.
 */
export const GENERAL_REPORT_SHEET: ReportSheet = {
  id: GENERAL_REPORT_SHEET_ID,
  version: 2,
  name: {
    zh: '住院医师规范化培训影像诊断报告书写质量评价表（通用表）',
    en: 'Residency training: imaging report quality assessment sheet (general)',
  },
  modalities: ['CT', 'MR', 'CR', 'DX', 'MG', 'XA', 'RF'],
  scoring: 'award',
  step: 0.5,
  total: 100,
  sections: [
    {
      id: 'general-information',
      title: { zh: '一般信息及报告及时性', en: 'General information and report timeliness' },
      points: 14,
      items: [
        { id: 'patient-details', label: { zh: '患者信息（姓名、年龄、性别、科别）', en: 'Patient details (name, age, sex, department)' }, points: 2 },
        {
          id: 'record-numbers',
          label: {
            zh: '住院/门诊号、检查号、就诊卡号、影像号正确',
            en: 'Inpatient/outpatient number, examination number, patient card number and imaging number correct',
          },
          points: 1,
        },
        {
          id: 'timeliness',
          label: { zh: '检查时间正确，按规定时间完成报告', en: 'Examination date correct; report completed within the required time' },
          points: 1,
        },
        { id: 'clinical-information', label: { zh: '临床主要信息及检查目的', en: 'Key clinical information and purpose of the examination' }, points: 10 },
      ],
    },
    {
      id: 'technique',
      title: { zh: '检查技术', en: 'Examination technique' },
      points: 9,
      items: [
        { id: 'body-region', label: { zh: '检查部位准确', en: 'Region examined stated correctly' }, points: 3 },
        { id: 'examination-type', label: { zh: '检查类型准确', en: 'Type of examination stated correctly' }, points: 3 },
        { id: 'technique-recorded', label: { zh: '检查技术填写规范', en: 'Technique recorded according to the standard' }, points: 3 },
      ],
    },
    {
      id: 'description',
      title: { zh: '影像描述', en: 'Image description' },
      points: 34,
      items: [
        { id: 'complete-and-organised', label: { zh: '描述全面，条理清楚', en: 'Description complete and clearly organised' }, points: 10 },
        { id: 'description-order', label: { zh: '描述疾病或器官顺序适当', en: 'Diseases or organs described in an appropriate order' }, points: 4 },
        { id: 'lesion-location', label: { zh: '病灶部位及累及范围描述准确', en: 'Lesion location and extent described accurately' }, points: 4 },
        {
          id: 'lesion-number-size',
          label: { zh: '病灶数目、大小准确测量并规范描述', en: 'Number and size of lesions measured accurately and described in standard terms' },
          points: 4,
        },
        {
          id: 'lesion-morphology',
          label: { zh: '病灶形态、边界及特殊征象描述准确', en: 'Lesion shape, margins and characteristic signs described accurately' },
          points: 4,
        },
        {
          id: 'lesion-grading',
          label: {
            zh: '病灶密度/信号/回声/摄取/强化程度准确分度',
            en: 'Lesion density / signal intensity / echogenicity / uptake / enhancement graded accurately',
          },
          points: 4,
        },
        { id: 'pertinent-negatives', label: { zh: '重要阴性征象描述', en: 'Pertinent negative findings described' }, points: 4 },
      ],
    },
    {
      id: 'diagnosis',
      title: { zh: '影像诊断', en: 'Imaging diagnosis' },
      points: 38,
      items: [
        { id: 'clinical-question', label: { zh: '回答临床问题', en: 'Clinical question answered' }, points: 10 },
        { id: 'localisation', label: { zh: '定位诊断准确', en: 'Anatomical localisation correct' }, points: 4 },
        { id: 'typical-lesion-diagnosis', label: { zh: '典型病变明确诊断', en: 'Typical lesions given a definite diagnosis' }, points: 4 },
        {
          id: 'atypical-lesion-diagnosis',
          label: { zh: '不典型病变给出的可能诊断符合规范', en: 'Possible diagnoses of atypical lesions given according to the standard' },
          points: 4,
        },
        { id: 'tumour-staging', label: { zh: '肿瘤分期正确', en: 'Tumour staging correct' }, points: 4, mayNotApply: true },
        { id: 'guideline-adherence', label: { zh: '疾病诊断遵循规范或指南', en: 'Diagnosis follows standards or guidelines' }, points: 4 },
        { id: 'recommendations', label: { zh: '给临床的建议明确', en: 'Clear recommendations to the referring clinician' }, points: 4 },
        {
          id: 'prior-comparison',
          label: { zh: '与以前检查比较符合规范、准确', en: 'Comparison with previous examinations standard and accurate' },
          points: 4,
          mayNotApply: true,
        },
      ],
    },
    {
      id: 'wording',
      title: { zh: '文字描述', en: 'Language and wording' },
      points: 5,
      items: [
        {
          id: 'spelling-units-punctuation',
          label: { zh: '无错别字，数据单位及标点符号使用正确', en: 'No typographical errors; units and punctuation used correctly' },
          points: 5,
        },
      ],
    },
  ],
  vetoes: GENERAL_VETOES,
  bands: structuredClone(DEFAULT_RATING_BANDS),
  source: {
    zh: `《住院医师规范化培训影像诊断报告书写质量评价表（通用表）》（各住培基地平台公布版本），23 个条目及 8 个一票否决项照录。${BAND_MAPPING_NOTE.zh}`,
    en: `The published “Residency Standardised Training Imaging Diagnosis Report Writing Quality Evaluation Sheet (General)” (住院医师规范化培训影像诊断报告书写质量评价表（通用表）), its 23 items and 8 veto items as printed. ${BAND_MAPPING_NOTE.en}`,
  },
};
