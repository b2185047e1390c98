import { describe, expect, it } from 'vitest';
import { againstTarget, clockStatus, elapsedMinutes } from '../../../../src/core/session/sessionClock';
import { RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

const at = (minutes: number) => new Date(Date.parse('2026-11-02T01:00:00.000Z') + minutes * 60_000).toISOString();

describe('session clock', () => {
  it('runs start → pause → resume → end and counts only running time', () => {
    const driver = new SessionDriver();
    expect(clockStatus(driver.session.timer)).toBe('notStarted');
    driver.do({ type: 'startClock' }, TUTOR, at(0));
    expect(clockStatus(driver.session.timer)).toBe('running');
    expect(elapsedMinutes(driver.session.timer, at(12))).toBe(12);
    driver.do({ type: 'pauseClock' }, RESIDENT, at(20));
    expect(clockStatus(driver.session.timer)).toBe('paused');
    expect(elapsedMinutes(driver.session.timer, at(90))).toBe(20);
    driver.do({ type: 'resumeClock' }, TUTOR, at(30));
    driver.do({ type: 'endClock' }, TUTOR, at(50));
    expect(clockStatus(driver.session.timer)).toBe('ended');
    expect(elapsedMinutes(driver.session.timer, at(500))).toBe(40);
    expect(againstTarget(40)).toBe('onTarget');
  });

  it('refuses the moves the clock cannot make from where it is', () => {
    const driver = new SessionDriver();
    expect(driver.refused({ type: 'pauseClock' }, TUTOR)).toBe('state.clock');
    expect(driver.refused({ type: 'resumeClock' }, TUTOR)).toBe('state.clock');
    expect(driver.refused({ type: 'endClock' }, TUTOR)).toBe('state.clock');
    driver.do({ type: 'startClock' }, TUTOR, at(0));
    expect(driver.refused({ type: 'startClock' }, TUTOR)).toBe('state.clock');
    expect(driver.refused({ type: 'resumeClock' }, TUTOR)).toBe('state.clock');
    driver.do({ type: 'endClock' }, TUTOR, at(35));
    expect(driver.refused({ type: 'resumeClock' }, TUTOR)).toBe('state.clock');
    expect(driver.refused({ type: 'endClock' }, TUTOR)).toBe('state.clock');
  });

  it('refuses a time earlier than the clock’s last change', () => {
    const driver = new SessionDriver().do({ type: 'startClock' }, TUTOR, at(10));
    expect(driver.refused({ type: 'pauseClock' }, TUTOR, at(5))).toBe('state.clock');
  });

  it('places a length against the 30–45 minute target', () => {
    expect([29.9, 30, 45, 45.1].map(againstTarget)).toEqual(['short', 'onTarget', 'onTarget', 'long']);
  });
});
