import fc from 'fast-check';
import type { Criterion, RatingBand, ReportSheet, SheetSection, StageForm, StageRubric } from '../../../../src/core/rubric/rubricSchema';
import type { SheetScores } from '../../../../src/core/session/evaluation';

/** Steps whose multiples are exact in binary, so sums compare exactly. */
export const step = fc.constantFrom(0.25, 0.5, 1, 2);

const word = (unit: fc.Arbitrary<string> | 'grapheme') =>
  fc.string({ unit, minLength: 1, maxLength: 12 }).map(text => text.trim()).filter(text => text.length > 0);
const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map(code => String.fromCharCode(code));

export const localizedText = fc.record({ zh: word(han), en: word('grapheme') });

export const identifier = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/);

const modalities = fc.uniqueArray(fc.stringMatching(/^[A-Z]{2}$/), { maxLength: 3 });

/** Items worth whole numbers of steps; sections and the sheet total add up exactly. */
function sections(unit: number, prefix: string): fc.Arbitrary<SheetSection[]> {
  return fc
    .array(fc.record({ title: localizedText, items: fc.array(fc.record({ label: localizedText, units: fc.nat(20), mayNotApply: fc.boolean() }), { minLength: 1, maxLength: 5 }) }), {
      minLength: 1,
      maxLength: 5,
    })
    .map(drafts =>
      drafts.map((draft, s) => {
        const items = draft.items.map((item, i) => ({ id: `${prefix}${s}.${i}`, label: item.label, points: item.units * unit, ...(item.mayNotApply ? { mayNotApply: true } : {}) }));
        return { id: `${prefix}${s}`, title: draft.title, points: items.reduce((total, item) => total + item.points, 0), items };
      }),
    );
}

/** Distinct thresholds within 0…total, always one at 0. */
function bands(total: number, unit: number): fc.Arbitrary<RatingBand[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, Math.round(total / unit)) }), { maxLength: 4 })
    .chain(units => {
      const thresholds = [0, ...units.map(count => count * unit).filter(min => min <= total)];
      return fc.tuple(...thresholds.map(() => localizedText)).map(labels =>
        thresholds.map((min, b) => ({ id: `band-${b}`, label: labels[b]!, min })),
      );
    });
}

export const reportSheet: fc.Arbitrary<ReportSheet> = fc
  .record({ step, prefix: identifier, scoring: fc.constantFrom('award' as const, 'deduct' as const) })
  .chain(({ step: unit, prefix, scoring }) =>
    sections(unit, prefix).chain(drafted => {
      const total = drafted.reduce((sum, section) => sum + section.points, 0);
      return fc.record(
        {
          id: identifier,
          version: fc.integer({ min: 1, max: 1000 }),
          name: localizedText,
          modalities,
          scoring: fc.constant(scoring),
          step: fc.constant(unit),
          total: fc.constant(total),
          sections: fc.constant(drafted),
          vetoes: fc.array(localizedText, { maxLength: 4 }).map(labels => labels.map((label, v) => ({ id: `veto-${v}`, label }))),
          bands: bands(total, unit),
          source: localizedText,
        },
        { requiredKeys: ['id', 'version', 'name', 'modalities', 'scoring', 'step', 'total', 'sections', 'vetoes', 'bands'] },
      );
    }),
  );

/** A sheet with at least one veto item. */
export const vetoableSheet = reportSheet.filter(sheet => sheet.vetoes.length > 0);

/** One item as a tutor may leave it: not scored, scored in steps within its points, or (where allowed) not applicable. */
type ItemEntry = { scoredSteps: number } | 'notApplicable' | undefined;

/**
 * What a tutor may enter: some items scored, some left blank, some marked not applicable where the
 * sheet allows it, some vetoes ticked; `items: 'all'` leaves none blank.
 */
export function sheetScores(
  sheet: ReportSheet,
  options: { vetoes?: 'none' | 'some' | 'any'; items?: 'all' | 'any' } = {},
): fc.Arbitrary<SheetScores> {
  const { vetoes: vetoOption = 'any', items: itemOption = 'any' } = options;
  const items = sheet.sections.flatMap(section => section.items);
  const entries = fc.tuple(
    ...items.map((item): fc.Arbitrary<ItemEntry> => {
      const scored = fc.integer({ min: 0, max: Math.round(item.points / sheet.step) }).map(scoredSteps => ({ scoredSteps }));
      const choices: Array<fc.Arbitrary<ItemEntry>> = [scored];
      if (item.mayNotApply) choices.push(fc.constant('notApplicable' as const));
      if (itemOption === 'any') choices.push(fc.constant(undefined));
      return fc.oneof(...choices);
    }),
  );
  const ids = sheet.vetoes.map(veto => veto.id);
  const vetoes: fc.Arbitrary<string[]> = vetoOption === 'none' ? fc.constant([]) : fc.subarray(ids, { minLength: vetoOption === 'some' ? 1 : 0 });
  return fc.record({ entries, vetoes }).map(({ entries: chosen, vetoes: ticked }) => ({
    items: Object.fromEntries(items.flatMap((item, i) => {
      const entry = chosen[i];
      return typeof entry === 'object' ? [[item.id, entry.scoredSteps * sheet.step]] : [];
    })),
    notApplicable: items.filter((_, i) => chosen[i] === 'notApplicable').map(item => item.id),
    itemRemarks: {},
    vetoes: ticked,
    mainProblems: '',
  }));
}

/** A criterion worth `units` steps: in points, or by levels whose best is worth exactly that. */
function criterion(id: string, units: number, unit: number): fc.Arbitrary<Criterion> {
  const common = { id: fc.constant(id), label: localizedText, description: localizedText, mayNotApply: fc.boolean() };
  const required = ['kind', 'id', 'label'] as const;
  const byPoints = fc.record({ ...common, kind: fc.constant('points' as const), max: fc.constant(units * unit) }, { requiredKeys: [...required, 'max'] });
  const byLevels = fc
    .uniqueArray(fc.integer({ min: 0, max: units - 1 }), { minLength: 1, maxLength: 3 })
    .chain(lower =>
      fc.record(
        {
          ...common,
          kind: fc.constant('levels' as const),
          levels: fc.tuple(...[...lower, units].map(() => localizedText)).map(labels =>
            [...lower, units].map((count, l) => ({ id: `level-${l}`, label: labels[l]!, points: count * unit })),
          ),
        },
        { requiredKeys: [...required, 'levels'] },
      ),
    );
  return fc.oneof(byPoints, byLevels);
}

/** Criteria whose maxima split `total` units in the given parts. */
function criteria(parts: number[], unit: number, prefix: string): fc.Arbitrary<Criterion[]> {
  return fc.tuple(...parts.map((units, c) => criterion(`${prefix}${c}`, units, unit)));
}

/** The same total cut into other parts, for the real-time criteria. */
function otherParts(total: number): fc.Arbitrary<number[]> {
  if (total <= 1) return fc.constant([total]);
  return fc.uniqueArray(fc.integer({ min: 1, max: total - 1 }), { maxLength: 4 }).map(cuts => {
    const sorted = [...cuts].sort((a, b) => a - b);
    return [...sorted, total].map((cut, index) => cut - (index === 0 ? 0 : sorted[index - 1]!));
  });
}

function criteriaStage(stage: '4.1' | '4.2' | '4.3' | '4.4', unit: number): fc.Arbitrary<StageRubric> {
  return fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 }).chain(parts => {
    const units = parts.reduce((sum, part) => sum + part, 0);
    return fc.record(
      {
        scoring: fc.constant('criteria' as const),
        stage: fc.constant(stage),
        title: localizedText,
        shortTitle: localizedText,
        total: fc.constant(units * unit),
        criteria: criteria(parts, unit, 'c'),
        realTimeCriteria: otherParts(units).chain(other => criteria(other, unit, 'rt')),
      },
      { requiredKeys: ['scoring', 'stage', 'title', 'shortTitle', 'total', 'criteria'] },
    );
  });
}

export const stageForm: fc.Arbitrary<StageForm> = step.chain(unit =>
  fc.record({
    id: identifier,
    version: fc.integer({ min: 1, max: 1000 }),
    name: localizedText,
    step: fc.constant(unit),
    stages: fc.tuple(
      criteriaStage('4.1', unit),
      criteriaStage('4.2', unit),
      criteriaStage('4.3', unit),
      criteriaStage('4.4', unit),
      fc.record({ scoring: fc.constant('reportSheet' as const), stage: fc.constant('4.5' as const), title: localizedText, shortTitle: localizedText }),
    ),
  }),
);
