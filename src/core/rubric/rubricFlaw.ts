import type { LocalizedText } from '../schema/common';

/** Where in a rubric definition: property names and list indexes from its root. */
export type RubricPath = readonly (string | number)[];

/** The words a message needs for where a problem is, filled in once the rubric's own labels are read. */
export interface PlaceNames {
  /** The record the path leads to, e.g. "section “影像描述 / Image description”". */
  place: LocalizedText;
  /** The field of that record the path ends at, e.g. "English label"; absent when it ends at the record. */
  field?: LocalizedText;
  /** The other record a problem involves, e.g. the first one to use a repeated id. */
  other?: LocalizedText;
}

/** One problem with a rubric definition, found before its place is put into words. */
export interface RubricFlaw {
  code: string;
  path: RubricPath;
  otherPath?: RubricPath;
  message(names: PlaceNames): LocalizedText;
}

/** The same flaws, seen from a record that holds the checked part at `prefix`. */
export function within(prefix: RubricPath, flaws: RubricFlaw[]): RubricFlaw[] {
  return flaws.map(flaw => ({
    ...flaw,
    path: [...prefix, ...flaw.path],
    ...(flaw.otherPath ? { otherPath: [...prefix, ...flaw.otherPath] } : {}),
  }));
}
