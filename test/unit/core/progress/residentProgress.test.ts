import { describe, expect, it } from 'vitest';
import { residentProgress } from '../../../../src/core/progress';
import { stageForm } from '../../../../src/core/rubric/rubricSchema';
import {
  draftSession,
  evaluatedSession,
  itemsSummingTo,
  RESIDENT,
  signedOffSession,
  STAGE_FORM,
  vetoedSession,
  withClock,
} from '../../../fixtures/teachingSessions';

const period = { residentId: RESIDENT.id, from: '2026-09-01', to: '2026-12-31', now: '2027-01-10T00:00:00Z' };

/**
 * Four signed-off sessions of the resident in September–December 2026:
 *   s1 2026-09-10 25 min, sheet 70 · s2 2026-09-25 40 min, sheet 80, 4.1 full marks ·
 *   s3 2026-10-31T20:00Z (1 November in Beijing) 50 min, sheet 90 · s4 never timed, planned 2026-12-05, vetoed.
 * Stages 4.1–4.4 otherwise score the fixture's 8.5, 6, 8 and 9 out of 10.
 */
const counted = [
  signedOffSession({ id: 's1', start: '2026-09-10T02:00:00Z', minutes: 25, sheetItems: itemsSummingTo(70) }),
  signedOffSession({
    id: 's2',
    start: '2026-09-25T02:00:00Z',
    minutes: 40,
    sheetItems: itemsSummingTo(80),
    stageScores: { '4.1': { completeness: 6, purpose: 4 } },
  }),
  signedOffSession({ id: 's3', start: '2026-10-31T20:00:00Z', minutes: 50, sheetItems: itemsSummingTo(90) }),
  vetoedSession({ id: 's4', start: null, plannedAt: '2026-12-05T02:00:00Z' }),
];

/** Sessions the figures must leave out, each for one reason. */
const ignored = [
  signedOffSession({ id: 'other-resident', residentId: 'resident-zhao', start: '2026-10-15T02:00:00Z' }),
  evaluatedSession({ id: 'not-signed-off', start: '2026-10-12T02:00:00Z' }),
  // 23:00 on 31 August in Beijing: before the period.
  signedOffSession({ id: 'before-period', start: '2026-08-31T15:00:00Z' }),
  // 00:30 on 1 January 2027 in Beijing: after it.
  signedOffSession({ id: 'after-period', start: '2026-12-31T16:30:00Z' }),
];

describe('residentProgress', () => {
  const progress = residentProgress({ ...period, sessions: [...ignored, ...counted].reverse() });

  it('counts the resident’s signed-off sessions in the period, earliest first', () => {
    expect(progress.sessionIds).toEqual(['s1', 's2', 's3', 's4']);
    expect(progress.period).toEqual({ from: '2026-09-01', to: '2026-12-31' });
  });

  it('ignores other residents’ sessions, unsigned sessions for scores, and sessions outside the period', () => {
    const withoutUnsigned = ignored.filter(session => session.id !== 'not-signed-off');
    const scoresOnly = residentProgress({ ...period, sessions: [...withoutUnsigned, ...counted] });
    expect({ ...scoresOnly, frequency: progress.frequency }).toEqual(progress);
    expect(residentProgress({ ...period, sessions: counted }).stages).toEqual(progress.stages);
    const someoneElse = residentProgress({ ...period, residentId: 'resident-zhao', sessions: [...ignored, ...counted] });
    expect(someoneElse.sessionIds).toEqual(['other-resident']);
  });

  it('averages each stage as a percentage of its maximum, with mean score and maximum', () => {
    expect(progress.stages).toEqual([
      // (8.5 + 10 + 8.5 + 8.5) / 4 = 8.875
      { stage: '4.1', sessions: 4, meanPercent: 88.8, meanScore: 8.88, meanMax: 10 },
      { stage: '4.2', sessions: 4, meanPercent: 60, meanScore: 6, meanMax: 10 },
      { stage: '4.3', sessions: 4, meanPercent: 80, meanScore: 8, meanMax: 10 },
      { stage: '4.4', sessions: 4, meanPercent: 90, meanScore: 9, meanMax: 10 },
      // The vetoed report counts with 0: (70 + 80 + 90 + 0) / 4.
      { stage: '4.5', sessions: 4, meanPercent: 60, meanScore: 60, meanMax: 100 },
    ]);
    expect(progress.meanSheetTotal).toBe(60);
  });

  it('fits a least-squares line through the sheet totals, per month, and compares first with last', () => {
    // Days from s1: 0, 15, 51.75, 86; totals 70, 80, 90, 0. Means 38.1875 and 60;
    // Sxy = −3307.5, Sxx = 4465.921875, slope −0.7406 a day × 30.436875 days a month = −22.54.
    expect(progress.trend).toEqual({
      slopePerMonth: -22.54,
      first: { sessionId: 's1', date: '2026-09-10', total: 70 },
      last: { sessionId: 's4', date: '2026-12-05', total: 0 },
      change: -70,
    });
  });

  it('counts the sessions held (clock ended) per Beijing calendar month, signed off or not, and notes the months without one', () => {
    // s4 never ran its clock, so it was not held; the unsigned session of 12 October was.
    expect(progress.frequency.months).toEqual([
      { month: '2026-09', sessions: 2 },
      { month: '2026-10', sessions: 1 },
      { month: '2026-11', sessions: 1 },
      { month: '2026-12', sessions: 0 },
    ]);
    expect(progress.frequency.monthsWithoutSession).toEqual(['2026-12']);
  });

  it('reports the mean sessions a month over the period against the guide’s one, not a count of short months', () => {
    expect(progress.frequency).toMatchObject({ monthsCounted: 4, sessionsCounted: 4, meanPerMonth: 1, target: 1, meetsTarget: true });
  });

  it('places a session by its clock start, or by its plan when the clock never ran', () => {
    expect(progress.trend.last?.date).toBe('2026-12-05');
    const planned = signedOffSession({ id: 'planned', start: null, plannedAt: '2026-10-31T20:00:00Z' });
    expect(residentProgress({ ...period, sessions: [planned] }).sessionIds).toEqual(['planned']);
  });

  it('sorts session lengths against the 30–45 minute target and leaves untimed sessions out', () => {
    expect(progress.minutes).toEqual({
      target: { min: 30, max: 45 },
      perSession: [
        { sessionId: 's1', minutes: 25, standing: 'short' },
        { sessionId: 's2', minutes: 40, standing: 'onTarget' },
        { sessionId: 's3', minutes: 50, standing: 'long' },
      ],
      short: 1,
      onTarget: 1,
      long: 1,
      notTimed: 1,
      // (25 + 40 + 50) / 3
      meanMinutes: 38.3,
    });
  });

  it('counts vetoed reports', () => {
    expect(progress.vetoedReports).toBe(1);
  });
});

describe('residentProgress: Beijing calendar months', () => {
  it('counts 2026-10-31T20:00Z in November and 2026-10-31T15:59Z in October', () => {
    const sessions = [
      signedOffSession({ id: 'late-utc', start: '2026-10-31T20:00:00Z' }),
      signedOffSession({ id: 'last-minute-of-october', start: '2026-10-31T15:59:00Z' }),
    ];
    const { frequency } = residentProgress({ ...period, from: '2026-10-01', to: '2026-11-30', sessions });
    expect(frequency.months).toEqual([
      { month: '2026-10', sessions: 1 },
      { month: '2026-11', sessions: 1 },
    ]);
  });

  it('lists the current month but leaves it out of the mean and the notes until it has ended', () => {
    const sessions = [signedOffSession({ id: 'september', start: '2026-09-10T02:00:00Z' }), signedOffSession({ id: 'november', start: '2026-11-10T02:00:00Z' })];
    const progress = residentProgress({ ...period, now: '2026-11-20T00:00:00Z', sessions });
    expect(progress.frequency.months.map(month => month.month)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    expect(progress.frequency).toMatchObject({ monthsCounted: 2, sessionsCounted: 1, meanPerMonth: 0.5, meetsTarget: false, monthsWithoutSession: ['2026-10'] });
  });

  it('includes partial months at either end of the period', () => {
    const progress = residentProgress({ ...period, from: '2026-09-20', to: '2026-10-05', sessions: [] });
    expect(progress.frequency.monthsWithoutSession).toEqual(['2026-09', '2026-10']);
  });
});

describe('residentProgress: how often, as the guide counts it (平均每月至少 1 次)', () => {
  const held = (id: string, start: string) => withClock(draftSession({ id }), start, 35);
  const year = { residentId: RESIDENT.id, from: '2026-01-01', to: '2026-06-30', now: '2026-08-01T00:00:00Z' };

  it('meets the target on average with a gap month, and notes the gap without calling it a failure', () => {
    // Six months, seven sessions: two in January, none in March.
    const starts = ['2026-01-05', '2026-01-20', '2026-02-10', '2026-04-08', '2026-05-12', '2026-06-03', '2026-06-24'];
    const sessions = starts.map((day, index) => held(`h${index}`, `${day}T02:00:00Z`));
    expect(residentProgress({ ...year, sessions }).frequency).toEqual({
      months: [
        { month: '2026-01', sessions: 2 },
        { month: '2026-02', sessions: 1 },
        { month: '2026-03', sessions: 0 },
        { month: '2026-04', sessions: 1 },
        { month: '2026-05', sessions: 1 },
        { month: '2026-06', sessions: 2 },
      ],
      monthsCounted: 6,
      sessionsCounted: 7,
      meanPerMonth: 1.17,
      target: 1,
      meetsTarget: true,
      monthsWithoutSession: ['2026-03'],
    });
  });

  it('falls short on average with two gap months', () => {
    const sessions = ['2026-01-05', '2026-02-10', '2026-04-08', '2026-06-03'].map((day, index) => held(`h${index}`, `${day}T02:00:00Z`));
    expect(residentProgress({ ...year, sessions }).frequency).toMatchObject({ meanPerMonth: 0.67, meetsTarget: false, monthsWithoutSession: ['2026-03', '2026-05'] });
  });

  it('counts only sessions held: a planned or a running session has not taken place yet', () => {
    const planned = draftSession({ id: 'planned', plannedAt: '2026-02-10T02:00:00Z' });
    const running = { ...draftSession({ id: 'running' }), timer: { intervals: [{ start: '2026-03-10T02:00:00Z' }] } };
    const progress = residentProgress({ ...year, sessions: [planned, running, held('held', '2026-04-10T02:00:00Z')] });
    expect(progress.frequency.sessionsCounted).toBe(1);
    expect(progress.sessionIds).toEqual([]);
  });

  it('has no mean before a month of the period has ended', () => {
    const progress = residentProgress({ ...year, now: '2026-01-15T00:00:00Z', sessions: [held('h', '2026-01-05T02:00:00Z')] });
    expect(progress.frequency).toMatchObject({ monthsCounted: 0, meanPerMonth: null, meetsTarget: null, monthsWithoutSession: [] });
  });
});

describe('residentProgress: few or unusual sessions', () => {
  it('has no figures without sessions', () => {
    const progress = residentProgress({ ...period, sessions: [] });
    expect(progress.sessionIds).toEqual([]);
    expect(progress.stages.every(stage => stage.sessions === 0 && stage.meanPercent === null && stage.meanScore === null)).toBe(true);
    expect(progress.meanSheetTotal).toBeNull();
    expect(progress.trend).toEqual({ slopePerMonth: null, first: null, last: null, change: null });
    expect(progress.minutes.meanMinutes).toBeNull();
    expect(progress.frequency.monthsWithoutSession).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    expect(progress.frequency).toMatchObject({ meanPerMonth: 0, meetsTarget: false });
  });

  it('has no slope or change from a single session', () => {
    const progress = residentProgress({ ...period, sessions: [signedOffSession({ id: 'only' })] });
    expect(progress.trend).toEqual({
      slopePerMonth: null,
      first: { sessionId: 'only', date: '2026-11-03', total: 84 },
      last: { sessionId: 'only', date: '2026-11-03', total: 84 },
      change: null,
    });
  });

  it('computes the slope from exact times', () => {
    // Days 0, 15, 45; totals 70, 80, 90: Sxy 450 / Sxx 1050 = 3/7 a day × 30.436875 = 13.04 a month.
    const sessions = [
      signedOffSession({ id: 'a', start: '2026-09-01T02:00:00Z', sheetItems: itemsSummingTo(70) }),
      signedOffSession({ id: 'b', start: '2026-09-16T02:00:00Z', sheetItems: itemsSummingTo(80) }),
      signedOffSession({ id: 'c', start: '2026-10-16T02:00:00Z', sheetItems: itemsSummingTo(90) }),
    ];
    const { trend } = residentProgress({ ...period, sessions });
    expect(trend.slopePerMonth).toBe(13.04);
    expect(trend.change).toBe(20);
  });

  it('weighs each session as a percentage of its own rubric when the rubric changed between sessions', () => {
    const doubled = stageForm.parse({
      ...STAGE_FORM,
      version: 2,
      stages: STAGE_FORM.stages.map(rubric =>
        rubric.stage === '4.1' && rubric.scoring === 'criteria'
          ? { ...rubric, total: 20, criteria: rubric.criteria.map(criterion => (criterion.id === 'completeness' ? { ...criterion, max: 16 } : criterion)) }
          : rubric,
      ),
    });
    const sessions = [
      signedOffSession({ id: 'old-form', start: '2026-09-10T02:00:00Z', stageScores: { '4.1': { completeness: 3, purpose: 2 } } }),
      { ...signedOffSession({ id: 'new-form', start: '2026-10-10T02:00:00Z', stageScores: { '4.1': { completeness: 16, purpose: 4 } } }), stageForm: doubled },
    ];
    // 5/10 = 50 % and 20/20 = 100 %.
    expect(residentProgress({ ...period, sessions }).stages[0]).toEqual({ stage: '4.1', sessions: 2, meanPercent: 75, meanScore: 12.5, meanMax: 15 });
  });

  it('uses the real-time criteria of stage 4.2 for a real-time session', () => {
    const session = signedOffSession({ realTime: true, stageScores: { '4.2': { procedure: 7.5 } } });
    expect(residentProgress({ ...period, sessions: [session] }).stages[1]).toEqual({
      stage: '4.2',
      sessions: 1,
      meanPercent: 75,
      meanScore: 7.5,
      meanMax: 10,
    });
  });

  it('refuses a period that is not two calendar dates in order', () => {
    expect(() => residentProgress({ ...period, from: '2026-02-30', sessions: [] })).toThrow(RangeError);
    expect(() => residentProgress({ ...period, to: '2026-12', sessions: [] })).toThrow(RangeError);
    expect(() => residentProgress({ ...period, from: '2027-01-01', sessions: [] })).toThrow(RangeError);
  });
});
