import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC_SET } from '../../../../src/core/rubric/defaultRubrics';
import { DEFAULT_STAGE_FORM } from '../../../../src/core/rubric/defaultStageForm';
import { GENERAL_REPORT_SHEET } from '../../../../src/core/rubric/generalReportSheet';
import { ULTRASOUND_REPORT_SHEET } from '../../../../src/core/rubric/ultrasoundReportSheet';
import {
  validateReportSheet,
  validateRubricSet,
  validateStageForm,
  type RubricProblem,
} from '../../../../src/core/rubric/validateRubricSet';

/** The tests break definitions in ways their types forbid. */
type Loose = any;

function edited<T>(value: T, change: (copy: Loose) => void): unknown {
  const copy = structuredClone(value) as Loose;
  change(copy);
  return copy;
}

function problems(result: { ok: true } | { ok: false; problems: RubricProblem[] }): RubricProblem[] {
  if (result.ok) throw new Error('expected the definition to be rejected');
  return result.problems;
}

const han = /[\u4e00-\u9fff]/;

interface BadCase {
  name: string;
  input: unknown;
  code: string;
  en: RegExp | string;
  zh: RegExp | string;
  path?: (string | number)[];
}

function expectProblem(found: RubricProblem[], expected: BadCase): void {
  const match = found.find(entry => entry.code === expected.code);
  expect(match, `${expected.code} among ${JSON.stringify(found.map(entry => entry.message.en))}`).toBeDefined();
  const matches = (text: string, pattern: RegExp | string) => (typeof pattern === 'string' ? text === pattern : pattern.test(text));
  const candidates = found.filter(entry => entry.code === expected.code && matches(entry.message.en, expected.en) && matches(entry.message.zh, expected.zh));
  expect(candidates, JSON.stringify(found.map(entry => entry.message), null, 1)).not.toHaveLength(0);
  if (expected.path) expect(candidates.map(entry => entry.path)).toContainEqual(expected.path);
}

const SHEET_CASES: BadCase[] = [
  {
    name: 'an item without an English label',
    input: edited(GENERAL_REPORT_SHEET, sheet => delete sheet.sections[1].items[2].label.en),
    code: 'rubric.missing',
    en: 'Item 3 “检查技术填写规范” of section “检查技术 / Examination technique” has no English label.',
    zh: '分区“检查技术 / Examination technique”的第 3 条“检查技术填写规范”缺少英文名称。',
    path: ['sections', 1, 'items', 2, 'label', 'en'],
  },
  {
    name: 'a section title that is blank in Chinese',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.sections[0].title.zh = '  ')),
    code: 'rubric.missing',
    en: 'Section “General information and report timeliness” has no Chinese title.',
    zh: '分区“General information and report timeliness”缺少中文标题。',
  },
  {
    name: 'items that do not add up to their section',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.sections[2].items[0].points = 9)),
    code: 'rubric.sectionSum',
    en: 'Section “影像描述 / Image description”: its items add up to 33 points but the section states 34.',
    zh: '分区“影像描述 / Image description”：各条目合计 33 分，但该分区标明 34 分。',
    path: ['sections', 2],
  },
  {
    name: 'sections that do not add up to the total',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.total = 95)),
    code: 'rubric.sheetSum',
    en: /^Report sheet “住院医师.*”: its sections add up to 100 points but the sheet states a total of 95\.$/,
    zh: /^报告评分表“住院医师.*”：各分区合计 100 分，但评分表标明总分 95 分。$/,
    path: [],
  },
  {
    name: 'two sections with one id',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.sections[3].id = 'technique')),
    code: 'rubric.duplicateId',
    en: 'Section “影像诊断 / Imaging diagnosis”: its id “technique” is already used by section “检查技术 / Examination technique”.',
    zh: '分区“影像诊断 / Imaging diagnosis”的编号“technique”已被分区“检查技术 / Examination technique”使用。',
    path: ['sections', 3],
  },
  {
    name: 'two items in different sections with one id',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.sections[4].items[0].id = 'patient-details')),
    code: 'rubric.duplicateId',
    en: /^Item 1 “无错别字.*” of section “文字描述 \/ Language and wording”: its id “patient-details” is already used by item 1 “患者信息.*” of section “一般信息及报告及时性 \/ .*”\.$/,
    zh: /^分区“文字描述 \/ Language and wording”的第 1 条“无错别字.*”的编号“patient-details”已被分区“一般信息及报告及时性 \/ .*”的第 1 条“患者信息.*”使用。$/,
    path: ['sections', 4, 'items', 0],
  },
  {
    name: 'two veto items with one id',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.vetoes[7].id = sheet.vetoes[0].id)),
    code: 'rubric.duplicateId',
    en: /^Veto item 8 “与以往的检查报告比较，出现严重错误 \/ .*”: its id “patient-image-mismatch” is already used by veto item 1 “患者与图像不对应 \/ .*”\.$/,
    zh: /^第 8 个否决项“与以往.*”的编号“patient-image-mismatch”已被第 1 个否决项“患者与图像不对应.*”使用。$/,
  },
  {
    name: 'two rating bands with one id',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.bands[1].id = 'excellent')),
    code: 'rubric.duplicateId',
    en: 'Rating band “良好 / Good”: its id “excellent” is already used by rating band “优秀 / Excellent”.',
    zh: '评级“良好 / Good”的编号“excellent”已被评级“优秀 / Excellent”使用。',
  },
  {
    name: 'a veto item without a label',
    input: edited(GENERAL_REPORT_SHEET, sheet => delete sheet.vetoes[1].label),
    code: 'rubric.missing',
    en: 'Veto item 2 has no label.',
    zh: '第 2 个否决项缺少名称。',
    path: ['vetoes', 1, 'label'],
  },
  {
    name: 'a veto item without its Chinese wording',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.vetoes[4].label.zh = '')),
    code: 'rubric.missing',
    en: 'Veto item 5 “Significant disease missed” has no Chinese label.',
    zh: '第 5 个否决项“Significant disease missed”缺少中文名称。',
  },
  {
    name: 'negative points',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.sections[1].items[0].points = -3)),
    code: 'rubric.negative',
    en: 'Item 1 “检查部位准确 / Region examined stated correctly” of section “检查技术 / Examination technique”: the points must not be negative (it is -3).',
    zh: '分区“检查技术 / Examination technique”的第 1 条“检查部位准确 / Region examined stated correctly”的分值不能为负数（实际为 -3）。',
  },
  {
    name: 'points that are not a number',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.sections[4].points = '5')),
    code: 'rubric.wrongType',
    en: 'Section “文字描述 / Language and wording”: the points must be a number (it is “5”).',
    zh: '分区“文字描述 / Language and wording”的分值必须是数字（实际为 “5”）。',
  },
  {
    name: 'a step of 0',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.step = 0)),
    code: 'rubric.tooSmall',
    en: /: the step must be greater than 0 \(it is 0\)\.$/,
    zh: /的计分步长必须大于 0（实际为 0）。$/,
    path: ['step'],
  },
  {
    name: 'a negative step',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.step = -0.5)),
    code: 'rubric.tooSmall',
    en: /the step must be greater than 0 \(it is -0\.5\)/,
    zh: /计分步长必须大于 0/,
  },
  {
    name: 'item points off the step',
    input: edited(GENERAL_REPORT_SHEET, sheet => {
      sheet.sections[0].items[0].points = 1.75;
      sheet.sections[0].items[1].points = 1.25;
    }),
    code: 'rubric.offStep',
    en: /^Item 1 “患者信息.*” of section “一般信息及报告及时性 \/ .*”: 1\.75 \(its points\) is not a multiple of the step 0\.5\.$/,
    zh: /^分区“一般信息及报告及时性.*”的第 1 条“患者信息.*”的分值 1\.75 不是计分步长 0\.5 的整数倍。$/,
    path: ['sections', 0, 'items', 0],
  },
  {
    name: 'a total off the step',
    input: edited(GENERAL_REPORT_SHEET, sheet => {
      sheet.step = 3;
    }),
    code: 'rubric.offStep',
    en: /: 100 \(its total\) is not a multiple of the step 3\.$/,
    zh: /的总分 100 不是计分步长 3 的整数倍。$/,
    path: [],
  },
  {
    name: 'a band threshold above the total',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.bands[0].min = 120)),
    code: 'rubric.bandOutOfRange',
    en: 'Rating band “优秀 / Excellent”: its threshold 120 lies outside 0…100.',
    zh: '评级“优秀 / Excellent”的起点分数 120 超出 0…100 的范围。',
  },
  {
    name: 'a negative band threshold',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.bands[3].min = -10)),
    code: 'rubric.negative',
    en: 'Rating band “不合格 / Fail”: the threshold must not be negative (it is -10).',
    zh: '评级“不合格 / Fail”的起点分数不能为负数（实际为 -10）。',
  },
  {
    name: 'two bands with one threshold',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.bands[1].min = 90)),
    code: 'rubric.duplicateBandThreshold',
    en: 'Rating band “良好 / Good”: its threshold 90 is the same as that of rating band “优秀 / Excellent”.',
    zh: '评级“良好 / Good”的起点分数 90 与评级“优秀 / Excellent”相同。',
  },
  {
    name: 'no band starting at 0',
    input: edited(GENERAL_REPORT_SHEET, sheet => sheet.bands.pop()),
    code: 'rubric.noBandAtZero',
    en: /: no rating band starts at 0, so low totals would have no rating\.$/,
    zh: /：没有起点为 0 分的评级，低分将无评级可归。$/,
  },
  {
    name: 'no bands at all',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.bands = [])),
    code: 'rubric.emptyList',
    en: /: the rating bands list is empty\.$/,
    zh: /的评级列表为空。$/,
  },
  {
    name: 'a modality that is not a DICOM code',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.modalities[1] = 'mri')),
    code: 'rubric.invalidModality',
    en: /: the modality 2 “mri” is not a two-letter DICOM code such as CT or US\.$/,
    zh: /的第 2 个检查类型“mri”不是两个大写字母的 DICOM 代码（如 CT、US）。$/,
  },
  {
    name: 'an id with spaces',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.sections[0].items[3].id = 'clinical information')),
    code: 'rubric.invalidId',
    en: /^Item 4 “临床主要信息及检查目的 \/ .*” of section .*: the id “clinical information” may hold only letters, digits/,
    zh: /的第 4 条“临床主要信息及检查目的.*”的编号“clinical information”只能包含字母、数字/,
  },
  {
    name: 'a section without items',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.sections[4].items = [])),
    code: 'rubric.emptyList',
    en: 'Section “文字描述 / Language and wording”: the items list is empty.',
    zh: '分区“文字描述 / Language and wording”的条目列表为空。',
  },
  {
    name: 'an unknown way of scoring',
    input: edited(GENERAL_REPORT_SHEET, sheet => (sheet.scoring = 'average')),
    code: 'rubric.invalidChoice',
    en: /: the scoring must be one of “award”, “deduct” \(it is “average”\)\.$/,
    zh: /的计分方式必须是 “award”、“deduct” 之一（实际为 “average”）。$/,
  },
];

const stages = (change: (stages: Loose[]) => void) => edited(DEFAULT_STAGE_FORM, form => change(form.stages));

const FORM_CASES: BadCase[] = [
  {
    name: 'criteria that do not add up to the stage total',
    input: stages(list => (list[0].criteria[0].max = 7)),
    code: 'rubric.stageSum',
    en: 'Stage 4.1 “临床信息提取与分析 / Clinical information: extraction and analysis”: its criteria add up to 21 points but the stage states 20.',
    zh: '环节 4.1“临床信息提取与分析 / Clinical information: extraction and analysis”：各评分项合计 21 分，但该环节标明 20 分。',
    path: ['stages', 0],
  },
  {
    name: 'real-time criteria that do not add up to the stage total',
    input: stages(list => list[1].realTimeCriteria.pop()),
    code: 'rubric.realTimeSum',
    en: /^Stage 4\.2 “影像技术执行与分析 \/ .*”: its real-time criteria add up to 18 points but the stage states 20\.$/,
    zh: /^环节 4\.2“影像技术执行与分析.*”：各实时操作评分项合计 18 分，但该环节标明 20 分。$/,
  },
  {
    name: 'a criterion scored by levels whose best level does not fit the total',
    input: stages(list => {
      const { id, label } = list[0].criteria[0];
      list[0].criteria[0] = {
        kind: 'levels',
        id,
        label,
        levels: [
          { id: 'poor', label: { zh: '差', en: 'Poor' }, points: 0 },
          { id: 'good', label: { zh: '好', en: 'Good' }, points: 5 },
        ],
      };
    }),
    code: 'rubric.stageSum',
    en: /its criteria add up to 19 points but the stage states 20\.$/,
    zh: /各评分项合计 19 分，但该环节标明 20 分。$/,
  },
  {
    name: 'two criteria of a stage with one id',
    input: stages(list => (list[2].criteria[1].id = list[2].criteria[0].id)),
    code: 'rubric.duplicateId',
    en: 'Criterion “发现阳性影像征象 / Finds the positive signs” of stage 4.3 “影像征象提取与分析 / Imaging signs: extraction and analysis”: its id “all-relevant-images” is already used by criterion “判读所有相关图像 / Reads all relevant images” of stage 4.3 “影像征象提取与分析 / Imaging signs: extraction and analysis”.',
    zh: '环节 4.3“影像征象提取与分析 / Imaging signs: extraction and analysis”的评分项“发现阳性影像征象 / Finds the positive signs”的编号“all-relevant-images”已被环节 4.3“影像征象提取与分析 / Imaging signs: extraction and analysis”的评分项“判读所有相关图像 / Reads all relevant images”使用。',
  },
  {
    name: 'two levels of a criterion with one id',
    input: stages(list => {
      const { id, label } = list[0].criteria[0];
      list[0].criteria[0] = {
        kind: 'levels',
        id,
        label,
        levels: [
          { id: 'partly', label: { zh: '部分', en: 'Partly' }, points: 3 },
          { id: 'partly', label: { zh: '完全', en: 'Fully' }, points: 6 },
        ],
      };
    }),
    code: 'rubric.duplicateId',
    en: /^Level “完全 \/ Fully” of criterion “提取临床信息 \/ .*” of stage 4\.1 .*: its id “partly” is already used by level “部分 \/ Partly” of criterion/,
    zh: /的等级“完全 \/ Fully”的编号“partly”已被.*的等级“部分 \/ Partly”使用。$/,
  },
  {
    name: 'a level off the step',
    input: stages(list => {
      const { id, label } = list[0].criteria[0];
      list[0].criteria[0] = {
        kind: 'levels',
        id,
        label,
        levels: [
          { id: 'some', label: { zh: '部分', en: 'Partly' }, points: 2.2 },
          { id: 'all', label: { zh: '完全', en: 'Fully' }, points: 6 },
        ],
      };
    }),
    code: 'rubric.offStep',
    en: /^Level “部分 \/ Partly” of criterion .*: 2\.2 \(its points\) is not a multiple of the step 0\.5\.$/,
    zh: /的等级“部分 \/ Partly”的分值 2\.2 不是计分步长 0\.5 的整数倍。$/,
  },
  {
    name: 'a criterion maximum off the step',
    input: stages(list => {
      list[3].criteria[0].max = 3.75;
      list[3].criteria[1].max = 4.25;
    }),
    code: 'rubric.offStep',
    en: /^Criterion “提出鉴别诊断 \/ Proposes differential diagnoses” of stage 4\.4 .*: 3\.75 \(its maximum\) is not a multiple of the step 0\.5\.$/,
    zh: /的评分项“提出鉴别诊断 \/ Proposes differential diagnoses”的满分 3\.75 不是计分步长 0\.5 的整数倍。$/,
  },
  {
    name: 'a stage total off the step',
    input: edited(DEFAULT_STAGE_FORM, form => (form.step = 3)),
    code: 'rubric.offStep',
    en: /^Stage 4\.1 .*: 20 \(its total\) is not a multiple of the step 3\.$/,
    zh: /^环节 4\.1.*的总分 20 不是计分步长 3 的整数倍。$/,
  },
  {
    name: 'a negative criterion maximum',
    input: stages(list => (list[0].criteria[4].max = -3)),
    code: 'rubric.negative',
    en: 'Criterion “重点内容写入报告 / Writes the key points into the report” of stage 4.1 “临床信息提取与分析 / Clinical information: extraction and analysis”: the maximum must not be negative (it is -3).',
    zh: '环节 4.1“临床信息提取与分析 / Clinical information: extraction and analysis”的评分项“重点内容写入报告 / Writes the key points into the report”的满分不能为负数（实际为 -3）。',
  },
  {
    name: 'a criterion without an English label',
    input: stages(list => (list[3].criteria[2].label.en = '')),
    code: 'rubric.missing',
    en: 'Criterion “最后诊断及病变性质” of stage 4.4 “依据临床分析思维，做出影像诊断 / Imaging diagnosis by clinical reasoning” has no English label.',
    zh: '环节 4.4“依据临床分析思维，做出影像诊断 / Imaging diagnosis by clinical reasoning”的评分项“最后诊断及病变性质”缺少英文名称。',
  },
  {
    name: 'a criterion scored in neither points nor levels',
    input: stages(list => (list[0].criteria[0].kind = 'stars')),
    code: 'rubric.invalidChoice',
    en: /^Criterion “提取临床信息 \/ .*” of stage 4\.1 .*: the kind must be one of “points”, “levels” \(it is “stars”\)\.$/,
    zh: /的评分项“提取临床信息.*”的计分类型必须是 “points”、“levels” 之一（实际为 “stars”）。$/,
  },
  {
    name: 'a stage form step of 0',
    input: edited(DEFAULT_STAGE_FORM, form => (form.step = 0)),
    code: 'rubric.tooSmall',
    en: /^Stage form “.*”: the step must be greater than 0 \(it is 0\)\.$/,
    zh: /^环节评价表“.*”的计分步长必须大于 0（实际为 0）。$/,
  },
  {
    name: 'a missing stage',
    input: stages(list => list.splice(2, 1)),
    code: 'rubric.missingStage',
    en: /^Stage form “影像诊断报告书写指导环节评价表 \/ .*” has no stage 4\.3\.$/,
    zh: /^环节评价表“影像诊断报告书写指导环节评价表.*”缺少环节 4\.3。$/,
    path: [],
  },
  {
    name: 'a stage listed twice',
    input: stages(list => list.splice(2, 0, structuredClone(list[1]))),
    code: 'rubric.repeatedStage',
    en: /: stage 4\.2 appears 2 times \(entries 2, 3\); each stage appears once\.$/,
    zh: /：环节 4\.2 出现了 2 次（第 2、3 项），每个环节只能出现一次。$/,
  },
  {
    name: 'stages out of order',
    input: stages(list => list.splice(0, 2, list[1], list[0])),
    code: 'rubric.stageOrder',
    en: /: the stages must come in the order 4\.1, 4\.2, 4\.3, 4\.4, 4\.5; they come as 4\.2, 4\.1, 4\.3, 4\.4, 4\.5\.$/,
    zh: /：环节须按 4\.1、4\.2、4\.3、4\.4、4\.5 的顺序排列，现为 4\.2、4\.1、4\.3、4\.4、4\.5。$/,
  },
  {
    name: 'a stage that is not one of the guide',
    input: stages(list => (list[4].stage = '4.6')),
    code: 'rubric.invalidChoice',
    en: /^Stage entry 5 “影像诊断报告的书写与评价 \/ Report writing and evaluation”: the stage must be one of “4\.1”, “4\.2”, “4\.3”, “4\.4”, “4\.5” \(it is “4\.6”\)\.$/,
    zh: /^第 5 个环节“影像诊断报告的书写与评价.*”的环节编号必须是 “4\.1”、“4\.2”、“4\.3”、“4\.4”、“4\.5” 之一（实际为 “4\.6”）。$/,
  },
  {
    name: 'stage 4.5 scored on criteria',
    input: stages(list => (list[4] = { ...structuredClone(list[0]), stage: '4.5', title: list[4].title })),
    code: 'rubric.reportStageScoring',
    en: 'Stage 4.5 “影像诊断报告的书写与评价 / Report writing and evaluation” must be scored on the report sheet (scoring “reportSheet”).',
    zh: '环节 4.5“影像诊断报告的书写与评价 / Report writing and evaluation”须以报告评分表评分（scoring 为“reportSheet”）。',
    path: ['stages', 4],
  },
  {
    name: 'another stage scored on the report sheet',
    input: stages(list => (list[1] = { scoring: 'reportSheet', stage: '4.2', title: list[1].title, shortTitle: list[1].shortTitle })),
    code: 'rubric.criteriaStageScoring',
    en: /^Stage 4\.2 “影像技术执行与分析 \/ .*” must be scored on criteria of its own; only stage 4\.5 is scored on the report sheet\.$/,
    zh: /^环节 4\.2“影像技术执行与分析.*”须按本环节的评分项评分，只有环节 4\.5 以报告评分表评分。$/,
  },
];

const SET_CASES: BadCase[] = [
  {
    name: 'two report sheets with one id',
    input: edited(DEFAULT_RUBRIC_SET, set => set.reportSheets.push({ ...structuredClone(ULTRASOUND_REPORT_SHEET), modalities: [] })),
    code: 'rubric.duplicateId',
    en: 'Report sheet 4 “超声报告书写教学评分表 / Ultrasound report-writing teaching sheet”: its id “ultrasound” is already used by report sheet 2 “超声报告书写教学评分表 / Ultrasound report-writing teaching sheet”.',
    zh: '第 4 张报告评分表“超声报告书写教学评分表 / Ultrasound report-writing teaching sheet”的编号“ultrasound”已被第 2 张报告评分表“超声报告书写教学评分表 / Ultrasound report-writing teaching sheet”使用。',
    path: ['reportSheets', 3],
  },
  {
    name: 'no general sheet',
    input: edited(DEFAULT_RUBRIC_SET, set => set.reportSheets.shift()),
    code: 'rubric.noGeneralSheet',
    en: 'The rubric set has no general report sheet (id “general”), which scores every modality no other sheet lists.',
    zh: '评分标准缺少通用报告评分表（编号“general”），未被其他评分表列出的检查类型都用它评分。',
    path: [],
  },
  {
    name: 'a modality listed by two sheets',
    input: edited(DEFAULT_RUBRIC_SET, set => set.reportSheets[2].modalities.push('CT')),
    code: 'rubric.sharedModality',
    en: /^Report sheet 3 “核医学诊断报告书写质量评分表 \/ .*” lists modality CT, which report sheet 1 “住院医师.*” already lists; each modality may be listed by one sheet only\.$/,
    zh: /^第 3 张报告评分表“核医学诊断报告书写质量评分表.*”列出的检查类型 CT 已由第 1 张报告评分表“住院医师.*”列出，每种检查类型只能由一张评分表列出。$/,
  },
  {
    name: 'a section sum inside one of its sheets',
    input: edited(DEFAULT_RUBRIC_SET, set => (set.reportSheets[1].sections[1].items[0].points = 10)),
    code: 'rubric.sectionSum',
    en: 'Section “超声所见 / Ultrasound findings” of report sheet 2 “超声报告书写教学评分表 / Ultrasound report-writing teaching sheet”: its items add up to 35 points but the section states 40.',
    zh: '第 2 张报告评分表“超声报告书写教学评分表 / Ultrasound report-writing teaching sheet”的分区“超声所见 / Ultrasound findings”：各条目合计 35 分，但该分区标明 40 分。',
    path: ['reportSheets', 1, 'sections', 1],
  },
  {
    name: 'a stage sum inside its stage form',
    input: edited(DEFAULT_RUBRIC_SET, set => (set.stageForm.stages[3].total = 25)),
    code: 'rubric.stageSum',
    en: /^Stage 4\.4 .* of stage form “影像诊断报告书写指导环节评价表 \/ .*”: its criteria add up to 20 points but the stage states 25\.$/,
    zh: /^环节评价表“影像诊断报告书写指导环节评价表.*”的环节 4\.4.*：各评分项合计 20 分，但该环节标明 25 分。$/,
    path: ['stageForm', 'stages', 3],
  },
  {
    name: 'no stage form',
    input: edited(DEFAULT_RUBRIC_SET, set => delete set.stageForm),
    code: 'rubric.missing',
    en: 'The rubric set has no stage form.',
    zh: '评分标准缺少环节评价表。',
  },
  {
    name: 'no report sheets',
    input: edited(DEFAULT_RUBRIC_SET, set => (set.reportSheets = [])),
    code: 'rubric.emptyList',
    en: 'The rubric set: the report sheets list is empty.',
    zh: '评分标准的报告评分表列表为空。',
  },
  {
    name: 'a report sheet that is not an object',
    input: edited(DEFAULT_RUBRIC_SET, set => (set.reportSheets[1] = null)),
    code: 'rubric.missing',
    en: 'Report sheet 2 is missing.',
    zh: '缺少第 2 张报告评分表。',
  },
];

describe('validateReportSheet', () => {
  it.each(SHEET_CASES)('rejects $name', bad => {
    const found = problems(validateReportSheet(bad.input));
    expectProblem(found, bad);
  });
});

describe('validateStageForm', () => {
  it.each(FORM_CASES)('rejects $name', bad => {
    expectProblem(problems(validateStageForm(bad.input)), bad);
  });

  it('counts a criterion scored by levels at its best level', () => {
    const input = stages(list => {
      const { id, label } = list[0].criteria[0];
      list[0].criteria[0] = {
        kind: 'levels',
        id,
        label,
        levels: [
          { id: 'none', label: { zh: '未完成', en: 'Not done' }, points: 0 },
          { id: 'partly', label: { zh: '部分完成', en: 'Partly done' }, points: 3 },
          { id: 'fully', label: { zh: '完成', en: 'Done' }, points: 6 },
        ],
      };
    });
    expect(validateStageForm(input)).toMatchObject({ ok: true });
  });
});

describe('validateRubricSet', () => {
  it.each([...SET_CASES, ...SHEET_CASES.map(bad => ({ ...bad, path: undefined, en: /./, zh: /./, input: { stageForm: DEFAULT_STAGE_FORM, reportSheets: [bad.input] } }))])(
    'rejects $name',
    bad => {
      expectProblem(problems(validateRubricSet(bad.input)), bad);
    },
  );

  it('puts every message in Chinese and English, naming a place in each', () => {
    const rejected = [
      ...SHEET_CASES.map(bad => ({ name: bad.name, found: problems(validateReportSheet(bad.input)) })),
      ...FORM_CASES.map(bad => ({ name: bad.name, found: problems(validateStageForm(bad.input)) })),
      ...SET_CASES.map(bad => ({ name: bad.name, found: problems(validateRubricSet(bad.input)) })),
    ];
    for (const { name, found } of rejected) {
      for (const entry of found) {
        expect(entry.message.zh, name).toMatch(han);
        expect(entry.message.en, name).toMatch(/^[A-Z]/);
        expect(entry.message.en, name).toMatch(/[a-z]{3}/);
      }
    }
  });

  it('reports every problem of a sheet at once', () => {
    const input = edited(GENERAL_REPORT_SHEET, sheet => {
      sheet.sections[2].items[0].points = 9;
      sheet.sections[3].items[0].points = 9.5;
      sheet.sections[4].items[0].id = 'patient-details';
      sheet.vetoes[3].id = 'sex-mismatch';
      sheet.bands[0].min = 150;
      sheet.bands.pop();
    });
    const found = problems(validateReportSheet(input));
    expect(found.map(entry => [entry.code, entry.path])).toEqual([
      ['rubric.sectionSum', ['sections', 2]],
      ['rubric.sectionSum', ['sections', 3]],
      ['rubric.duplicateId', ['sections', 4, 'items', 0]],
      ['rubric.duplicateId', ['vetoes', 3]],
      ['rubric.bandOutOfRange', ['bands', 0]],
      ['rubric.noBandAtZero', []],
    ]);
  });

  it('reports every structural problem of a sheet at once', () => {
    const input = edited(GENERAL_REPORT_SHEET, sheet => {
      delete sheet.sections[1].items[2].label.en;
      delete sheet.vetoes[1].label;
      sheet.sections[0].items[0].points = -1;
      sheet.step = 0;
    });
    expect(problems(validateReportSheet(input)).map(entry => entry.message.en)).toEqual([
      expect.stringMatching(/the step must be greater than 0/),
      expect.stringMatching(/^Item 1 .*: the points must not be negative \(it is -1\)\.$/),
      expect.stringMatching(/^Item 3 “检查技术填写规范” .* has no English label\.$/),
      'Veto item 2 has no label.',
    ]);
  });

  it('reports structural problems in one part together with the sums of the parts that are sound', () => {
    const input = edited(DEFAULT_RUBRIC_SET, set => {
      delete set.stageForm.stages[0].title.en;
      set.stageForm.stages[1].criteria[0].max = 10;
      set.reportSheets[1].sections[2].points = 35;
      set.reportSheets[2].bands[2].min = 0;
    });
    const found = problems(validateRubricSet(input));
    expect(found.map(entry => [entry.code, entry.path])).toEqual([
      ['rubric.missing', ['stageForm', 'stages', 0, 'title', 'en']],
      ['rubric.sectionSum', ['reportSheets', 1, 'sections', 2]],
      ['rubric.sheetSum', ['reportSheets', 1]],
      ['rubric.duplicateBandThreshold', ['reportSheets', 2, 'bands', 3]],
    ]);
    expect(found[0]!.message.en).toBe('Stage 4.1 “临床信息提取与分析” of stage form “影像诊断报告书写指导环节评价表 / Report-writing instruction: stage evaluation form” has no English title.');
  });

  it('rejects what is not a rubric set at all', () => {
    expect(problems(validateRubricSet(undefined))).toEqual([
      { code: 'rubric.missing', path: [], message: { zh: '缺少评分标准。', en: 'The rubric set is missing.' } },
    ]);
    expect(problems(validateRubricSet('rubrics')).map(entry => entry.message.en)).toEqual(['The rubric set must be an object (it is “rubrics”).']);
  });
});
