import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { residentProgress } from '../../../../src/core/progress';
import { REPORT_SHEET, RESIDENT, signedOffSession } from '../../../fixtures/teachingSessions';

const HOUR = 60 * 60 * 1000;
/** 2025-01-01T00:00Z and 2028-12-31T00:00Z. */
const EARLIEST = Date.UTC(2025, 0, 1);
const LATEST = Date.UTC(2028, 11, 31);

/** Months counted as year × 12 + month, written back as "YYYY-MM". */
function monthsOf(from: string, to: string): string[] {
  const index = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let month = index(from); month <= index(to); month += 1) months.push(`${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`);
  return months;
}

const halfPoints = (max: number) => fc.integer({ min: 0, max: max * 2 }).map(halves => halves / 2);

/** Any valid filling-in of the fixture's stage form and sheet. */
const scoredSession = fc.record({
  completeness: halfPoints(6),
  purpose: halfPoints(4),
  quality: fc.constantFrom('good', 'fair', 'poor'),
  positiveSigns: halfPoints(6),
  negativeSigns: halfPoints(4),
  differential: halfPoints(5),
  finalDiagnosis: halfPoints(5),
  items: fc.record(Object.fromEntries(REPORT_SHEET.sections.flatMap(section => section.items).map(item => [item.id, halfPoints(item.points)]))),
  vetoes: fc.subarray(REPORT_SHEET.vetoes.map(veto => veto.id)),
  minutes: fc.integer({ min: 1, max: 120 }),
});

describe('residentProgress properties', () => {
  it('keeps every per-stage average within 0–100 %', () => {
    fc.assert(
      fc.property(fc.array(scoredSession, { minLength: 1, maxLength: 6 }), scores => {
        const sessions = scores.map((score, index) =>
          signedOffSession({
            id: `s${index}`,
            start: new Date(Date.UTC(2026, 8, 1 + index * 7, 2)).toISOString(),
            minutes: score.minutes,
            stageScores: {
              '4.1': { completeness: score.completeness, purpose: score.purpose },
              '4.2': { quality: score.quality },
              '4.3': { positiveSigns: score.positiveSigns, negativeSigns: score.negativeSigns },
              '4.4': { differential: score.differential, finalDiagnosis: score.finalDiagnosis },
            },
            sheetItems: score.items,
            vetoes: score.vetoes,
          }),
        );
        const progress = residentProgress({ residentId: RESIDENT.id, sessions, from: '2026-09-01', to: '2026-12-31', now: '2027-01-01T00:00:00Z' });
        for (const stage of progress.stages) {
          expect(stage.sessions).toBe(sessions.length);
          expect(stage.meanPercent).toBeGreaterThanOrEqual(0);
          expect(stage.meanPercent).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('notes exactly the months of the period without a session held, and averages the sessions over its months', () => {
    const day = fc.integer({ min: EARLIEST, max: LATEST }).map(time => new Date(time + 8 * HOUR).toISOString().slice(0, 10));
    const time = fc.integer({ min: EARLIEST, max: LATEST }).map(value => new Date(Math.floor(value / 60_000) * 60_000).toISOString());
    fc.assert(
      fc.property(day, day, fc.array(time, { maxLength: 8 }), (first, second, starts) => {
        const [from, to] = first <= second ? [first, second] : [second, first];
        const sessions = starts.map((start, index) => signedOffSession({ id: `s${index}`, start }));
        const progress = residentProgress({ residentId: RESIDENT.id, sessions, from, to, now: '2029-06-01T00:00:00Z' });

        // Worked out independently: Beijing is UTC+8 all year.
        const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString();
        const taught = new Set(starts.map(beijing).filter(local => local.slice(0, 10) >= from && local.slice(0, 10) <= to).map(local => local.slice(0, 7)));
        const periodMonths = monthsOf(from, to);
        expect(progress.frequency.monthsWithoutSession).toEqual(periodMonths.filter(month => !taught.has(month)));
        expect(progress.frequency.months.map(entry => entry.month)).toEqual(periodMonths);
        const held = starts.map(beijing).filter(local => local.slice(0, 10) >= from && local.slice(0, 10) <= to).length;
        expect(progress.frequency.sessionsCounted).toBe(held);
        expect(progress.frequency.meanPerMonth).toBe(Math.round((held / periodMonths.length) * 100) / 100);
        expect(progress.frequency.meetsTarget).toBe(progress.frequency.meanPerMonth! >= 1);
      }),
      { numRuns: 60 },
    );
  });
});
