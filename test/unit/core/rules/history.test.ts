import { describe, expect, it } from 'vitest';
import { replaySession, sessionAt } from '../../../../src/core/rules/replaySession';
import { sessionEvent } from '../../../../src/core/rules/sessionEvent';
import { fullMarks, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

describe('session history', () => {
  const driver = new SessionDriver().completeAllStages().do({ type: 'signOff' }, TUTOR);
  const evaluation = fullMarks(driver.session, '4.4');
  const [criterion] = Object.keys(evaluation.scores);
  driver.do({ type: 'amend', reason: 'recount', amendment: { target: 'stage', stage: '4.4', evaluation: { ...evaluation, scores: { ...evaluation.scores, [criterion!]: 0 } } } }, TUTOR);

  it('records every change as a valid event: who, when, what, and the values before and after', () => {
    for (const event of driver.events) expect(sessionEvent.safeParse(event).success).toBe(true);
    expect(driver.events.map(event => event.seq)).toEqual(driver.events.map((_, index) => index + 1));
    const submit = driver.events.find(event => event.type === 'submitStage')!;
    expect(submit.actor).toEqual(RESIDENT);
    expect(submit.changes).toContainEqual({ path: ['stages', '4.1', 'status'], before: 'draft', after: 'submitted' });
    const times = driver.events.slice(1).map(event => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('replays to exactly the live session', () => {
    expect(replaySession(driver.events)).toEqual(driver.session);
  });

  it('shows the session as it was at any point', () => {
    const submittedAt = driver.events.find(event => event.type === 'submitStage')!.seq;
    expect(sessionAt(driver.events, submittedAt).stages['4.1'].status).toBe('submitted');
    expect(sessionAt(driver.events, submittedAt).stages['4.2'].status).toBe('draft');
    expect(sessionAt(driver.events, 1).stages['4.1'].status).toBe('draft');
  });

  it('refuses a history with a gap rather than rebuilding a different session', () => {
    expect(() => replaySession([driver.events[0]!, ...driver.events.slice(2)])).toThrow(/out of order/);
    expect(() => replaySession([])).toThrow(/empty history/);
  });
});
