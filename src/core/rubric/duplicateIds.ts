import type { RubricFlaw, RubricPath } from './rubricFlaw';

/** A flaw for every record whose id an earlier record in the same list already has; scores are keyed by id. */
export function duplicateIds(records: readonly { id: string; path: RubricPath }[]): RubricFlaw[] {
  const first = new Map<string, RubricPath>();
  return records.flatMap(({ id, path }) => {
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, path);
      return [];
    }
    return [
      {
        code: 'rubric.duplicateId',
        path,
        otherPath: earlier,
        message: ({ place, other }) => ({
          zh: `${place.zh}的编号“${id}”已被${other?.zh}使用。`,
          en: `${place.en}: its id “${id}” is already used by ${other?.en}.`,
        }),
      },
    ];
  });
}
