import { describe, expect, it } from 'vitest';
import { applyCommand, tryCommand } from '../../../../src/core/rules/applyCommand';
import { newSession, OTHER_RESIDENT, RESIDENT, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

const AT = '2026-10-21T09:00:00.000Z';

describe('trying a command without recording it', () => {
  it('gives the same session as applying it, for what the rules take', () => {
    const driver = new SessionDriver().do({ type: 'startClock' }, TUTOR);
    for (const [command, actor] of [
      [{ type: 'askQuestion', stage: '4.1', questionId: 'q1', question: '检查目的？' }, TUTOR],
      [{ type: 'savePreparation', checklist: { ...driver.session.preparation.checklist } }, RESIDENT],
    ] as const) {
      const tried = tryCommand(driver.session, command, actor, AT);
      const applied = applyCommand(driver.session, command, actor, AT, 9);
      expect(tried.ok && applied.ok, command.type).toBe(true);
      if (tried.ok && applied.ok) expect(tried.value.session).toEqual(applied.value.session);
    }
  });

  it('refuses in the same words as applying', () => {
    const session = newSession();
    for (const [command, actor] of [
      [{ type: 'evaluateReport' }, TUTOR],
      [{ type: 'signOff' }, RESIDENT],
      [{ type: 'startClock' }, OTHER_RESIDENT],
    ] as const) {
      const tried = tryCommand(session, command, actor, AT);
      const applied = applyCommand(session, command, actor, AT, 2);
      expect(tried.ok).toBe(false);
      expect(tried).toEqual(applied);
    }
  });
});
