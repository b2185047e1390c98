/**
 * The signed values an amendment has since changed, to print beside the current ones; nothing when
 * there is no signed version to compare with or nothing differs.
 */
export function asSigned<T extends object>(current: T, signed: T | undefined): { asSigned?: Partial<T> } {
  if (!signed) return {};
  const changed = Object.entries(signed).filter(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(current[key as keyof T]),
  );
  return changed.length > 0 ? { asSigned: Object.fromEntries(changed) as Partial<T> } : {};
}
