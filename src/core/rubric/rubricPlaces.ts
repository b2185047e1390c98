import type { LocalizedText } from '../schema/common';
import type { RubricPath } from './rubricFlaw';
import { STAGES } from './rubricSchema';

/** What a rubric definition's root is: a whole set, or one of its parts validated alone. */
export type RubricRoot = 'rubricSet' | 'reportSheet' | 'stageForm';

type RecordKind = RubricRoot | 'section' | 'item' | 'veto' | 'band' | 'stage' | 'criterion' | 'realTimeCriterion' | 'level';

/** Records held in lists, by the property that holds them. */
const LISTED: Partial<Record<RecordKind, Record<string, RecordKind>>> = {
  rubricSet: { reportSheets: 'reportSheet' },
  reportSheet: { sections: 'section', vetoes: 'veto', bands: 'band' },
  section: { items: 'item' },
  stageForm: { stages: 'stage' },
  stage: { criteria: 'criterion', realTimeCriteria: 'realTimeCriterion' },
  criterion: { levels: 'level' },
  realTimeCriterion: { levels: 'level' },
};

const HELD: Partial<Record<RecordKind, Record<string, RecordKind>>> = {
  rubricSet: { stageForm: 'stageForm' },
};

/** The property holding each record's own label. */
const LABEL_KEY: Record<RecordKind, string> = {
  rubricSet: 'name',
  reportSheet: 'name',
  stageForm: 'name',
  section: 'title',
  item: 'label',
  veto: 'label',
  band: 'label',
  stage: 'title',
  criterion: 'label',
  realTimeCriterion: 'label',
  level: 'label',
};

const FIELDS: Record<string, LocalizedText> = {
  id: { zh: '编号', en: 'id' },
  version: { zh: '版本号', en: 'version' },
  name: { zh: '名称', en: 'name' },
  title: { zh: '标题', en: 'title' },
  shortTitle: { zh: '简称', en: 'short title' },
  mayNotApply: { zh: '可标为不适用', en: 'may-not-apply flag' },
  label: { zh: '名称', en: 'label' },
  description: { zh: '说明', en: 'description' },
  source: { zh: '来源说明', en: 'source' },
  modalities: { zh: '检查类型', en: 'modalities' },
  scoring: { zh: '计分方式', en: 'scoring' },
  kind: { zh: '计分类型', en: 'kind' },
  stage: { zh: '环节编号', en: 'stage' },
  step: { zh: '计分步长', en: 'step' },
  total: { zh: '总分', en: 'total' },
  points: { zh: '分值', en: 'points' },
  max: { zh: '满分', en: 'maximum' },
  min: { zh: '起点分数', en: 'threshold' },
  sections: { zh: '分区', en: 'sections' },
  items: { zh: '条目', en: 'items' },
  vetoes: { zh: '否决项', en: 'veto items' },
  bands: { zh: '评级', en: 'rating bands' },
  stages: { zh: '环节', en: 'stages' },
  criteria: { zh: '评分项', en: 'criteria' },
  realTimeCriteria: { zh: '实时操作评分项', en: 'real-time criteria' },
  levels: { zh: '等级', en: 'levels' },
  stageForm: { zh: '环节评价表', en: 'stage form' },
  reportSheets: { zh: '报告评分表', en: 'report sheets' },
};

const LANGUAGES: Record<string, LocalizedText> = { zh: { zh: '中文', en: 'Chinese' }, en: { zh: '英文', en: 'English' } };

interface Frame {
  kind: RecordKind;
  value: unknown;
  /** Position in its list, counted from 1 as people count. */
  ordinal?: number;
}

function property(value: unknown, key: string | number): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A record's label as "中文 / English", or whichever half it has. */
function labelOf(frame: Frame): string | undefined {
  const label = property(frame.value, LABEL_KEY[frame.kind]);
  const zh = text(property(label, 'zh'));
  const en = text(property(label, 'en'));
  if (zh && en) return zh === en ? zh : `${zh} / ${en}`;
  return zh ?? en;
}

function quoted(label: string | undefined): string {
  return label ? `“${label}”` : '';
}

function nameOf(frame: Frame): LocalizedText {
  const label = labelOf(frame);
  const n = frame.ordinal;
  const q = quoted(label);
  switch (frame.kind) {
    case 'rubricSet':
      return { zh: '评分标准', en: 'the rubric set' };
    case 'reportSheet':
      if (n) return { zh: `第 ${n} 张报告评分表${q}`, en: `report sheet ${n}${label ? ` ${q}` : ''}` };
      return label ? { zh: `报告评分表${q}`, en: `report sheet ${q}` } : { zh: '报告评分表', en: 'the report sheet' };
    case 'stageForm':
      return label ? { zh: `环节评价表${q}`, en: `stage form ${q}` } : { zh: '环节评价表', en: 'the stage form' };
    case 'section':
      return label ? { zh: `分区${q}`, en: `section ${q}` } : { zh: `第 ${n} 个分区`, en: `section ${n}` };
    case 'item':
      return { zh: `第 ${n} 条${q}`, en: `item ${n}${label ? ` ${q}` : ''}` };
    case 'veto':
      return { zh: `第 ${n} 个否决项${q}`, en: `veto item ${n}${label ? ` ${q}` : ''}` };
    case 'band':
      return label ? { zh: `评级${q}`, en: `rating band ${q}` } : { zh: `第 ${n} 个评级`, en: `rating band ${n}` };
    case 'stage': {
      const stage = property(frame.value, 'stage');
      if (typeof stage === 'string' && (STAGES as readonly string[]).includes(stage)) {
        return { zh: `环节 ${stage}${q}`, en: `stage ${stage}${label ? ` ${q}` : ''}` };
      }
      return { zh: `第 ${n} 个环节${q}`, en: `stage entry ${n}${label ? ` ${q}` : ''}` };
    }
    case 'criterion':
      return label ? { zh: `评分项${q}`, en: `criterion ${q}` } : { zh: `第 ${n} 个评分项`, en: `criterion ${n}` };
    case 'realTimeCriterion':
      return label ? { zh: `实时操作评分项${q}`, en: `real-time criterion ${q}` } : { zh: `第 ${n} 个实时操作评分项`, en: `real-time criterion ${n}` };
    case 'level':
      return label ? { zh: `等级${q}`, en: `level ${q}` } : { zh: `第 ${n} 个等级`, en: `level ${n}` };
  }
}

/** The records a path passes through, and what is left of it inside the last one. */
function walk(root: unknown, rootKind: RubricRoot, path: RubricPath): { frames: Frame[]; rest: RubricPath } {
  const frames: Frame[] = [{ kind: rootKind, value: root }];
  let at = 0;
  while (at < path.length) {
    const current = frames[frames.length - 1]!;
    const key = path[at]!;
    const next = path[at + 1];
    const held = typeof key === 'string' ? HELD[current.kind]?.[key] : undefined;
    const child = property(current.value, key);
    if (held && child !== undefined) {
      frames.push({ kind: held, value: child });
      at += 1;
      continue;
    }
    const listed = typeof key === 'string' ? LISTED[current.kind]?.[key] : undefined;
    if (listed && typeof next === 'number') {
      frames.push({ kind: listed, value: property(child, next), ordinal: next + 1 });
      at += 2;
      continue;
    }
    break;
  }
  return { frames, rest: path.slice(at) };
}

/**
 * A record in words, innermost first in English ("item 3 of section “检查技术”") and outermost first
 * in Chinese (分区“检查技术”的第 3 条). The root is left out when the path goes deeper: whoever
 * validates a sheet knows which sheet it is.
 */
function describe(frames: Frame[]): LocalizedText {
  const shown = frames.length > 1 ? frames.slice(1) : frames;
  const names = shown.map(nameOf);
  return {
    zh: names.map(name => name.zh).join('的'),
    en: [...names].reverse().map(name => name.en).join(' of '),
  };
}

/** The field a leftover path names, e.g. ["label", "en"] → "English label". */
function fieldName(rest: RubricPath): LocalizedText | undefined {
  const [key, next] = rest;
  if (typeof key !== 'string') return undefined;
  const field = FIELDS[key] ?? { zh: key, en: key };
  if (key === 'modalities' && typeof next === 'number') return { zh: `第 ${next + 1} 个检查类型`, en: `modality ${next + 1}` };
  const language = typeof next === 'string' ? LANGUAGES[next] : undefined;
  if (language) return { zh: `${language.zh}${field.zh}`, en: `${language.en} ${field.en}` };
  return field;
}

/** Names the record at `path` and the field it ends at, using the definition's own labels where it has them. */
export function placeOf(root: unknown, rootKind: RubricRoot, path: RubricPath): { place: LocalizedText; field?: LocalizedText } {
  const { frames, rest } = walk(root, rootKind, path);
  const field = fieldName(rest);
  return field ? { place: describe(frames), field } : { place: describe(frames) };
}

/** The value a path leads to in a definition that may not have the expected shape. */
export function valueAt(root: unknown, path: RubricPath): unknown {
  return path.reduce<unknown>((value, key) => property(value, key), root);
}
