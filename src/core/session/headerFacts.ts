import { inLanguage } from '../export/localized';
import type { Language } from '../i18n';
import type { LocalizedText } from '../schema/common';
import { CLINICAL_ITEMS, type ClinicalInfoWork, type ClinicalItemId } from './stageWork';

/**
 * One instance's DICOM header as the viewer holds it: keywords to strings and numbers, several
 * values as arrays, person names as `{ Alphabetic, Ideographic }` objects (or `Family^Given`
 * strings), sequences as arrays of such records. A tag the header lacks is undefined.
 */
export type DicomHeader = Readonly<Record<string, unknown>>;

/** Shown where a header is silent: the resident then reads the fact off the images, or asks. */
export const NOT_RECORDED: LocalizedText = { zh: '未记录', en: 'Not recorded' };

const same = (text: string): LocalizedText => ({ zh: text, en: text });

const WORDS = {
  'zh-CN': { sentence: '；', clause: '，', end: '。', colon: '：', list: '、' },
  en: { sentence: '; ', clause: ', ', end: '.', colon: ': ', list: ', ' },
} as const;

/** Builds a text from parts in each language, with the separator each language uses. */
function joinedInBoth(parts: readonly LocalizedText[], separator: keyof (typeof WORDS)['en']): LocalizedText {
  return { zh: parts.map(part => part.zh).join(WORDS['zh-CN'][separator]), en: parts.map(part => part.en).join(WORDS.en[separator]) };
}

/** A tag's values, one or several; a tag present but empty has none. */
function valuesOf(header: DicomHeader, keyword: string): unknown[] {
  const value = header[keyword];
  const values = Array.isArray(value) ? value : [value];
  return values.filter(item => item !== undefined && item !== null && !(typeof item === 'string' && item.trim() === ''));
}

function textsOf(header: DicomHeader, keyword: string): string[] {
  return valuesOf(header, keyword)
    .filter(value => typeof value === 'string' || typeof value === 'number')
    .map(value => String(value).trim());
}

/** Numbers arrive as numbers from dcmjs, as strings from other metadata providers. */
function numberOf(header: DicomHeader, keyword: string): number | undefined {
  const [value] = valuesOf(header, keyword);
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

/** A sequence's items; a one-item sequence may come as the item itself. */
function itemsOf(header: DicomHeader, keyword: string): DicomHeader[] {
  return valuesOf(header, keyword).filter((item): item is DicomHeader => typeof item === 'object');
}

/**
 * An attribute of the imaging request. The standard carries it in the Request Attributes Sequence,
 * one item per request; many modalities also copy it to the top level.
 */
function requestTexts(header: DicomHeader, keyword: string): string[] {
  const direct = textsOf(header, keyword);
  if (direct.length > 0) return direct;
  return [...new Set(itemsOf(header, 'RequestAttributesSequence').flatMap(item => textsOf(item, keyword)))];
}

const freeText = (texts: string[]): LocalizedText | undefined => (texts.length > 0 ? joinedInBoth(texts.map(same), 'sentence') : undefined);

const AGE_UNITS: Record<string, { zh: string; en: [string, string] }> = {
  D: { zh: '天', en: ['day', 'days'] },
  W: { zh: '周', en: ['week', 'weeks'] },
  M: { zh: '个月', en: ['month', 'months'] },
  Y: { zh: '岁', en: ['year', 'years'] },
};

/** DICOM AS ('058Y') as people say it; a value not in that form is shown as recorded. */
function formatAge(age: string): LocalizedText {
  const match = /^(\d{3})([DWMY])$/.exec(age);
  if (!match) return same(age);
  const count = Number(match[1]);
  const unit = AGE_UNITS[match[2]!]!;
  return { zh: `${count} ${unit.zh}`, en: `${count} ${unit.en[count === 1 ? 0 : 1]}` };
}

const SEXES: Record<string, LocalizedText> = {
  M: { zh: '男', en: 'Male' },
  F: { zh: '女', en: 'Female' },
  O: { zh: '其他', en: 'Other' },
};

/** `Family^Given^Middle^Prefix^Suffix` as written: family first, as Chinese names are said. */
function nameFromComponents(components: string | undefined, separator: string): string | undefined {
  const name = components?.split('^').map(part => part.trim()).filter(Boolean).join(separator);
  return name || undefined;
}

/** A PN value's alphabetic and ideographic groups, from dcmjs's object or the `Chen^Jing=陈^静` string form. */
function nameGroups(value: unknown): { alphabetic?: string; ideographic?: string } {
  if (typeof value === 'string') {
    const [alphabetic, ideographic] = value.split('=');
    return { alphabetic, ideographic };
  }
  if (typeof value !== 'object') return {};
  const { Alphabetic, Ideographic } = value as { Alphabetic?: unknown; Ideographic?: unknown };
  return { alphabetic: typeof Alphabetic === 'string' ? Alphabetic : undefined, ideographic: typeof Ideographic === 'string' ? Ideographic : undefined };
}

/** Person names in each language: the ideographic form (陈静) in Chinese where the header has it. */
function formatPersonNames(header: DicomHeader, keyword: string): LocalizedText | undefined {
  const names = valuesOf(header, keyword).flatMap(value => {
    const groups = nameGroups(value);
    const alphabetic = nameFromComponents(groups.alphabetic, ' ');
    const ideographic = nameFromComponents(groups.ideographic, '');
    const zh = ideographic ?? alphabetic;
    const en = alphabetic ?? ideographic;
    return zh && en ? [{ zh, en }] : [];
  });
  return names.length > 0 ? joinedInBoth(names, 'list') : undefined;
}

export const CLINICAL_PREFILL_KEYS = [
  'sex',
  'age',
  'studyDescription',
  'requestedProcedure',
  'referringPhysician',
  'examReason',
  'admittingDiagnosis',
  'history',
] as const;
export type ClinicalPrefillKey = (typeof CLINICAL_PREFILL_KEYS)[number];

export const CLINICAL_PREFILL_LABELS = {
  sex: { zh: '性别', en: 'Sex' },
  age: { zh: '年龄', en: 'Age' },
  studyDescription: { zh: '检查描述', en: 'Study description' },
  requestedProcedure: { zh: '申请检查项目', en: 'Requested procedure' },
  referringPhysician: { zh: '申请医师', en: 'Referring physician' },
  examReason: { zh: '申请检查原因', en: 'Reason for the requested procedure' },
  // DICOM's Admitting Diagnoses Description: what a Chinese request form calls the clinical diagnosis.
  admittingDiagnosis: { zh: '临床诊断', en: 'Clinical diagnosis' },
  history: { zh: '病史', en: 'Patient history' },
} as const satisfies Record<ClinicalPrefillKey, LocalizedText>;

/**
 * Where a header value goes in the 4.1 work: a clinical item, the opening of the summary (sex and
 * age, as a report's clinical information begins), or nowhere: the examination and whom to ask for
 * missing information are shown beside the work, not written into it.
 */
export type ClinicalPrefillTarget = ClinicalItemId | 'summary' | null;

const TARGETS: Record<ClinicalPrefillKey, ClinicalPrefillTarget> = {
  sex: 'summary',
  age: 'summary',
  studyDescription: null,
  requestedProcedure: null,
  referringPhysician: null,
  examReason: 'examReason',
  admittingDiagnosis: 'history',
  history: 'history',
};

/** Keys whose value needs its label to read right within the item it fills. */
const LABELLED_IN_ITEM: ReadonlySet<ClinicalPrefillKey> = new Set(['admittingDiagnosis']);

/** A value of stage 4.1 that the study's header already gives, marked as taken from the images. */
export interface ClinicalPrefillItem {
  key: ClinicalPrefillKey;
  label: LocalizedText;
  value: LocalizedText;
  source: 'header';
  target: ClinicalPrefillTarget;
}

/** The clinical information the study's header carries, in the order of CLINICAL_PREFILL_KEYS; silent fields are left out. */
export function clinicalPrefill(studyHeader: DicomHeader | undefined): ClinicalPrefillItem[] {
  if (!studyHeader) return [];
  const [sex] = textsOf(studyHeader, 'PatientSex');
  const [age] = textsOf(studyHeader, 'PatientAge');
  const values: Record<ClinicalPrefillKey, LocalizedText | undefined> = {
    sex: sex ? (SEXES[sex.toUpperCase()] ?? same(sex)) : undefined,
    age: age ? formatAge(age) : undefined,
    studyDescription: freeText(textsOf(studyHeader, 'StudyDescription')),
    requestedProcedure: freeText(requestTexts(studyHeader, 'RequestedProcedureDescription')),
    referringPhysician: formatPersonNames(studyHeader, 'ReferringPhysicianName'),
    examReason: freeText(requestTexts(studyHeader, 'ReasonForTheRequestedProcedure')),
    admittingDiagnosis: freeText(textsOf(studyHeader, 'AdmittingDiagnosesDescription')),
    history: freeText(textsOf(studyHeader, 'AdditionalPatientHistory')),
  };
  return CLINICAL_PREFILL_KEYS.flatMap(key => {
    const value = values[key];
    return value ? [{ key, label: CLINICAL_PREFILL_LABELS[key], value, source: 'header' as const, target: TARGETS[key] }] : [];
  });
}

/** The text the header gives each item and the summary, in the resident's language. */
function draftedFromHeader(prefill: readonly ClinicalPrefillItem[], language: Language): Partial<Record<ClinicalItemId | 'summary', string>> {
  const words = WORDS[language];
  const drafted: Partial<Record<ClinicalItemId | 'summary', string>> = {};
  const opening = prefill.filter(item => item.target === 'summary').map(item => inLanguage(item.value, language));
  if (opening.length > 0) drafted.summary = `${opening.join(words.clause)}${words.end}`;
  for (const id of CLINICAL_ITEMS) {
    const parts = prefill
      .filter(item => item.target === id)
      .map(item => (LABELLED_IN_ITEM.has(item.key) ? `${inLanguage(item.label, language)}${words.colon}` : '') + inLanguage(item.value, language));
    if (parts.length > 0) drafted[id] = parts.join(words.sentence);
  }
  return drafted;
}

/**
 * The 4.1 work with what the header gives written into the items and the summary the resident has
 * left empty; nothing they wrote, and no item they marked missing or obtained, is overwritten. The
 * items stay `available`: the information is at hand, on the images' request.
 */
export function prefillClinicalWork(work: ClinicalInfoWork, prefill: readonly ClinicalPrefillItem[], language: Language): ClinicalInfoWork {
  const drafted = draftedFromHeader(prefill, language);
  const items = Object.fromEntries(
    CLINICAL_ITEMS.map(id => {
      const item = work.items[id];
      const text = drafted[id];
      return [id, text && item.status === 'available' && !item.text.trim() ? { status: 'available', text } : item];
    }),
  ) as ClinicalInfoWork['items'];
  return { items, summary: work.summary.trim() ? work.summary : (drafted.summary ?? work.summary) };
}

/** The items whose text is still the header's, to be marked as taken from the images; an edit makes an item the resident's own. */
export function itemsFromImages(work: ClinicalInfoWork, prefill: readonly ClinicalPrefillItem[], language: Language): ClinicalItemId[] {
  const drafted = draftedFromHeader(prefill, language);
  return CLINICAL_ITEMS.filter(id => drafted[id] !== undefined && work.items[id].status === 'available' && work.items[id].text === drafted[id]);
}

export const TECHNIQUE_FACT_KEYS = [
  'modality',
  'seriesDescription',
  'protocol',
  'sliceThickness',
  'sliceSpacing',
  'kvp',
  'tubeCurrent',
  'exposureTime',
  'exposure',
  'rotationTime',
  'pitch',
  'kernel',
  'contrastAgent',
  'contrastPhase',
  'ctdiVol',
  'fieldStrength',
  'sequence',
  'repetitionTime',
  'echoTime',
  'echoTrainLength',
  'flipAngle',
  'viewPosition',
  'sourceToDetector',
  'areaDoseProduct',
  'transducer',
  'transducerFrequency',
  'preset',
  'scanDepth',
  'mechanicalIndex',
  'thermalIndex',
] as const;
export type TechniqueFactKey = (typeof TECHNIQUE_FACT_KEYS)[number];

export const TECHNIQUE_FACT_LABELS = {
  modality: { zh: '检查类型', en: 'Modality' },
  seriesDescription: { zh: '序列描述', en: 'Series description' },
  protocol: { zh: '扫描协议', en: 'Protocol' },
  sliceThickness: { zh: '层厚', en: 'Slice thickness' },
  // DICOM measures it centre to centre; Chinese reports often give the gap, so the value names both.
  sliceSpacing: { zh: '层间距（中心距）', en: 'Spacing between slices (centre to centre)' },
  kvp: { zh: '管电压', en: 'Tube voltage' },
  tubeCurrent: { zh: '管电流', en: 'Tube current' },
  exposureTime: { zh: '曝光时间', en: 'Exposure time' },
  exposure: { zh: '管电流时间积', en: 'Exposure' },
  rotationTime: { zh: '机架旋转时间', en: 'Rotation time' },
  pitch: { zh: '螺距', en: 'Pitch' },
  kernel: { zh: '重建卷积核', en: 'Reconstruction kernel' },
  contrastAgent: { zh: '对比剂', en: 'Contrast agent' },
  contrastPhase: { zh: '增强期相', en: 'Contrast phase' },
  ctdiVol: { zh: '容积 CT 剂量指数（CTDIvol）', en: 'CTDIvol' },
  fieldStrength: { zh: '磁场强度', en: 'Field strength' },
  sequence: { zh: '序列类型', en: 'Sequence' },
  repetitionTime: { zh: '重复时间（TR）', en: 'Repetition time (TR)' },
  echoTime: { zh: '回波时间（TE）', en: 'Echo time (TE)' },
  echoTrainLength: { zh: '回波链长度', en: 'Echo train length' },
  flipAngle: { zh: '翻转角', en: 'Flip angle' },
  viewPosition: { zh: '摄影体位', en: 'View position' },
  sourceToDetector: { zh: '源像距', en: 'Source-to-image distance' },
  areaDoseProduct: { zh: '剂量面积乘积（DAP）', en: 'Dose-area product (DAP)' },
  transducer: { zh: '探头', en: 'Transducer' },
  transducerFrequency: { zh: '探头频率', en: 'Transducer frequency' },
  preset: { zh: '检查预设', en: 'Preset' },
  scanDepth: { zh: '扫描深度', en: 'Depth of scan field' },
  mechanicalIndex: { zh: '机械指数（MI）', en: 'Mechanical index (MI)' },
  thermalIndex: { zh: '软组织热指数（TIS）', en: 'Soft tissue thermal index (TIS)' },
} as const satisfies Record<TechniqueFactKey, LocalizedText>;

export interface TechniqueFact {
  key: TechniqueFactKey;
  label: LocalizedText;
  /** Null where the header is silent: show NOT_RECORDED. */
  value: LocalizedText | null;
}

export interface SeriesTechnique {
  seriesInstanceUID: string | undefined;
  seriesNumber: number | undefined;
  facts: TechniqueFact[];
}

/** To three decimals, as a CT pitch of 0.984 is given; binary values such as an FD 6.8 arrive as 6.7999…. */
const rounded = (value: number) => Math.round(value * 1000) / 1000;
const formatNumber = (value: number) => String(rounded(value));

const COMMON_FACTS: readonly TechniqueFactKey[] = ['modality', 'seriesDescription', 'protocol'];

/** The facts 4.2 asks about for each kind of examination; other modalities get the common ones. */
const FACTS_BY_MODALITY: Record<string, readonly TechniqueFactKey[]> = {
  CT: [...COMMON_FACTS, 'sliceThickness', 'sliceSpacing', 'kvp', 'tubeCurrent', 'exposure', 'rotationTime', 'pitch', 'kernel', 'contrastAgent', 'contrastPhase', 'ctdiVol'],
  MR: [...COMMON_FACTS, 'fieldStrength', 'sequence', 'repetitionTime', 'echoTime', 'echoTrainLength', 'flipAngle', 'sliceThickness', 'sliceSpacing', 'contrastAgent'],
  CR: [...COMMON_FACTS, 'viewPosition', 'kvp', 'tubeCurrent', 'exposureTime', 'exposure', 'sourceToDetector', 'areaDoseProduct'],
  DX: [...COMMON_FACTS, 'viewPosition', 'kvp', 'tubeCurrent', 'exposureTime', 'exposure', 'sourceToDetector', 'areaDoseProduct'],
  US: [...COMMON_FACTS, 'transducer', 'transducerFrequency', 'preset', 'scanDepth', 'mechanicalIndex', 'thermalIndex'],
};

const SCANNING_SEQUENCES: Record<string, LocalizedText> = {
  SE: { zh: '自旋回波', en: 'spin echo' },
  IR: { zh: '反转恢复', en: 'inversion recovery' },
  GR: { zh: '梯度回波', en: 'gradient echo' },
  EP: { zh: '平面回波', en: 'echo planar' },
  RM: { zh: '研究模式', en: 'research mode' },
};

const VIEW_POSITIONS: Record<string, LocalizedText> = {
  PA: { zh: '后前位', en: 'posteroanterior' },
  AP: { zh: '前后位', en: 'anteroposterior' },
  LL: { zh: '左侧位', en: 'left lateral' },
  RL: { zh: '右侧位', en: 'right lateral' },
};

const CONTRAST_PHASES: Record<string, LocalizedText> = {
  PRE_CONTRAST: { zh: '平扫', en: 'pre-contrast' },
  POST_CONTRAST: { zh: '增强后', en: 'post-contrast' },
  ARTERIAL: { zh: '动脉期', en: 'arterial' },
  PORTAL_VENOUS: { zh: '门静脉期', en: 'portal venous' },
  VENOUS: { zh: '静脉期', en: 'venous' },
  DELAYED: { zh: '延迟期', en: 'delayed' },
  DYNAMIC: { zh: '动态', en: 'dynamic' },
  STEADY_STATE: { zh: '平衡期', en: 'steady state' },
};

const TRANSDUCER_TYPES: Record<string, LocalizedText> = {
  LINEAR: { zh: '线阵', en: 'linear' },
  'CURVED LINEAR': { zh: '凸阵', en: 'curved linear' },
  SECTOR_PHASED: { zh: '相控阵', en: 'phased array' },
};

/** An enumerated value in words where the product knows it, else as recorded. */
const termOf = (terms: Record<string, LocalizedText>, value: string) => terms[value.toUpperCase()] ?? same(value);

/** "C5-1 (curved linear)": the main part, and what qualifies it in brackets. */
function withQualifier(main: string | undefined, qualifier: LocalizedText | undefined): LocalizedText | null {
  if (main === undefined) return qualifier ?? null;
  return qualifier ? { zh: `${main}（${qualifier.zh}）`, en: `${main} (${qualifier.en})` } : same(main);
}

function factValue(key: TechniqueFactKey, header: DicomHeader): LocalizedText | null {
  const text = (keyword: string) => freeText(textsOf(header, keyword)) ?? null;
  const measured = (keyword: string, unit: string, scale = 1) => {
    const value = numberOf(header, keyword);
    return value === undefined ? null : same(`${formatNumber(value * scale)}${unit}`);
  };
  const regions = itemsOf(header, 'SequenceOfUltrasoundRegions');
  switch (key) {
    case 'modality':
      return text('Modality');
    case 'seriesDescription':
      return text('SeriesDescription');
    case 'protocol':
      return text('ProtocolName');
    case 'sliceThickness':
      return measured('SliceThickness', ' mm');
    case 'sliceSpacing': {
      const spacing = numberOf(header, 'SpacingBetweenSlices');
      if (spacing === undefined) return null;
      const thickness = numberOf(header, 'SliceThickness');
      const gap = thickness === undefined ? 0 : rounded(spacing - thickness);
      const qualifier =
        gap > 0 ? { zh: `层间隔 ${formatNumber(gap)} mm`, en: `gap ${formatNumber(gap)} mm` } : gap < 0 ? { zh: `重叠 ${formatNumber(-gap)} mm`, en: `overlap ${formatNumber(-gap)} mm` } : undefined;
      return withQualifier(`${formatNumber(spacing)} mm`, qualifier);
    }
    case 'kvp':
      return measured('KVP', ' kV');
    case 'tubeCurrent':
      return measured('XRayTubeCurrent', ' mA');
    case 'exposureTime':
      return measured('ExposureTime', ' ms');
    case 'exposure':
      return numberOf(header, 'ExposureInuAs') !== undefined ? measured('ExposureInuAs', ' mAs', 1 / 1000) : measured('Exposure', ' mAs');
    case 'rotationTime':
      return measured('RevolutionTime', ' s');
    case 'pitch':
      return measured('SpiralPitchFactor', '');
    case 'kernel':
      return text('ConvolutionKernel');
    case 'contrastAgent': {
      const [agent] = textsOf(header, 'ContrastBolusAgent');
      if (!agent) return null;
      const volume = numberOf(header, 'ContrastBolusVolume');
      const [route] = textsOf(header, 'ContrastBolusRoute');
      const parts = [agent, volume === undefined ? undefined : `${formatNumber(volume)} ml`, route].filter((part): part is string => part !== undefined);
      return joinedInBoth(parts.map(same), 'clause');
    }
    case 'contrastPhase': {
      const [phase] = textsOf(header, 'ContrastBolusAgentPhase');
      return phase ? termOf(CONTRAST_PHASES, phase) : null;
    }
    case 'ctdiVol':
      return measured('CTDIvol', ' mGy');
    case 'fieldStrength':
      return measured('MagneticFieldStrength', ' T');
    case 'sequence': {
      const kinds = textsOf(header, 'ScanningSequence').map(kind => termOf(SCANNING_SEQUENCES, kind));
      const [name] = textsOf(header, 'SequenceName');
      if (kinds.length === 0) return name === undefined ? null : same(name);
      const kind = joinedInBoth(kinds, 'list');
      return name === undefined ? kind : { zh: `${kind.zh}（${name}）`, en: `${kind.en} (${name})` };
    }
    case 'repetitionTime':
      return measured('RepetitionTime', ' ms');
    case 'echoTime':
      return measured('EchoTime', ' ms');
    case 'echoTrainLength':
      return measured('EchoTrainLength', '');
    case 'flipAngle':
      return measured('FlipAngle', '°');
    case 'viewPosition': {
      const [position] = textsOf(header, 'ViewPosition');
      return position ? termOf(VIEW_POSITIONS, position) : null;
    }
    case 'sourceToDetector':
      return measured('DistanceSourceToDetector', ' cm', 1 / 10);
    case 'areaDoseProduct':
      return measured('ImageAndFluoroscopyAreaDoseProduct', ' dGy·cm²');
    case 'transducer': {
      const [model] = textsOf(header, 'TransducerData');
      const [type] = regions.flatMap(region => textsOf(region, 'TransducerType'));
      return withQualifier(model, type === undefined ? undefined : termOf(TRANSDUCER_TYPES, type));
    }
    case 'transducerFrequency': {
      // In kHz, per region: a Doppler region may scan at another frequency than the B-mode one.
      const frequencies = [...new Set(regions.map(region => numberOf(region, 'TransducerFrequency')).filter((value): value is number => value !== undefined))];
      return frequencies.length > 0 ? same(`${frequencies.map(value => formatNumber(value / 1000)).join(' / ')} MHz`) : null;
    }
    case 'preset':
      return text('ProcessingFunction');
    case 'scanDepth':
      return measured('DepthOfScanField', ' mm');
    case 'mechanicalIndex':
      return measured('MechanicalIndex', '');
    case 'thermalIndex':
      return measured('SoftTissueThermalIndex', '');
  }
}

/** Per series, the technique facts its header records for its modality, each null where the header is silent. */
export function techniqueFacts(seriesHeaders: readonly DicomHeader[]): SeriesTechnique[] {
  return seriesHeaders.map(header => {
    const [modality] = textsOf(header, 'Modality');
    const keys = FACTS_BY_MODALITY[modality?.toUpperCase() ?? ''] ?? COMMON_FACTS;
    return {
      seriesInstanceUID: textsOf(header, 'SeriesInstanceUID')[0],
      seriesNumber: numberOf(header, 'SeriesNumber'),
      facts: keys.map(key => ({ key, label: TECHNIQUE_FACT_LABELS[key], value: factValue(key, header) })),
    };
  });
}
