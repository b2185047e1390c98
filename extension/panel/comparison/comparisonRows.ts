import type { SignGeometry } from '../../../src/core/comparison/signGeometry';
import type { StoredSignComparison, UncomparedAnnotation } from '../../../src/core/comparison/signComparison';
import type { Finding } from '../../../src/core/session/stageWork';
import type { ComparisonMark } from '../../host/annotationStyle';

/** One drawing as the comparison lists it: which drawing a click goes to, and what to say of it. */
export interface ComparisonRow {
  mark: ComparisonMark;
  /** The drawing shown on the images when the row is clicked. */
  uid: string;
  /** The sign it belongs to: the reference's for found and missed, the resident's for extra. */
  description: string | undefined;
  toolName: string | undefined;
  /** Found: both measurements; otherwise the drawing's own. */
  referenceMm: number | undefined;
  residentMm: number | undefined;
  /** Found: the resident's sign that the drawing matched. */
  residentDescription: string | undefined;
  reason: UncomparedAnnotation['reason'] | undefined;
  /** Not compared: whose drawing it is. */
  owner?: UncomparedAnnotation['owner'];
}

export interface ComparisonGroups {
  /** Per reference sign with drawings: its drawings found or missed (those not compared are listed apart, with why). */
  signs: Array<{ finding: Finding; rows: ComparisonRow[] }>;
  /** Reference drawings that no reference sign names. */
  unlinked: ComparisonRow[];
  extra: ComparisonRow[];
  uncompared: ComparisonRow[];
}

const findingOf = (findings: readonly Finding[], uid: string) => findings.find(finding => finding.annotationIds.includes(uid));

/**
 * The comparison laid out for the panel, from what the server stored and the resident's signs (for
 * the names of their drawings). Pure, so what the tutor reads is tested without a browser.
 */
export function comparisonGroups(comparison: StoredSignComparison, residentFindings: readonly Finding[]): ComparisonGroups {
  const { reference, result, resident, uncompared } = comparison;
  const residentGeometry = new Map<string, SignGeometry>(resident.map(geometry => [geometry.uid, geometry]));
  const found = new Map(result.found.map(pair => [pair.referenceUid, pair]));
  const missed = new Set(result.missed);

  const referenceRow = (uid: string): ComparisonRow => {
    const drawing = reference.annotations.find(item => item.uid === uid);
    const pair = found.get(uid);
    const residentDrawing = pair ? residentGeometry.get(pair.residentUid) : undefined;
    const mark: ComparisonMark = pair ? 'found' : 'missed';
    return {
      mark,
      uid: pair?.residentUid ?? uid,
      description: findingOf(reference.findings, uid)?.description,
      toolName: drawing?.geometry?.toolName ?? (drawing?.annotation.metadata as { toolName?: string } | undefined)?.toolName,
      referenceMm: pair?.referenceMm ?? drawing?.geometry?.measurementMm,
      residentMm: pair ? (pair.residentMm ?? residentDrawing?.measurementMm) : undefined,
      residentDescription: pair ? (findingOf(residentFindings, pair.residentUid)?.description ?? residentDrawing?.label) : undefined,
      reason: undefined,
    };
  };

  const linked = new Set<string>();
  const signs = reference.findings
    .filter(finding => finding.annotationIds.length > 0)
    .map(finding => {
      for (const uid of finding.annotationIds) linked.add(uid);
      return { finding, rows: finding.annotationIds.filter(uid => found.has(uid) || missed.has(uid)).map(referenceRow) };
    });
  const unlinked = reference.annotations.filter(item => !linked.has(item.uid) && (found.has(item.uid) || missed.has(item.uid))).map(item => referenceRow(item.uid));
  const extra = result.extra.map((uid): ComparisonRow => {
    const geometry = residentGeometry.get(uid);
    return {
      mark: 'extra',
      uid,
      description: findingOf(residentFindings, uid)?.description ?? geometry?.label,
      toolName: geometry?.toolName,
      referenceMm: undefined,
      residentMm: geometry?.measurementMm,
      residentDescription: undefined,
      reason: undefined,
    };
  });
  const uncomparedRows = uncompared.map((item): ComparisonRow => {
    const finding = item.owner === 'reference' ? findingOf(reference.findings, item.uid) : findingOf(residentFindings, item.uid);
    return { mark: 'uncompared', uid: item.uid, description: finding?.description, toolName: undefined, referenceMm: undefined, residentMm: undefined, residentDescription: undefined, reason: item.reason, owner: item.owner };
  });
  return { signs, unlinked, extra, uncompared: uncomparedRows };
}

/** A measurement as the panel writes it: one decimal, as the host's own measurements read. */
export const millimetres = (value: number) => value.toFixed(1);
