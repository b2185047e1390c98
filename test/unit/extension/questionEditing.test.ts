import { describe, expect, it } from 'vitest';
import { identifier } from '../../../src/core/schema/common';
import type { Actor } from '../../../src/core/session/people';
import type { TeachingSession } from '../../../src/core/session/session';
import { newQuestionId, questionRights, rewording } from '../../../extension/panel/stages/questionEditing';

const session = { residentId: 'demo-resident1', tutorId: 'demo-tutor1' } as TeachingSession;
const signed = { ...session, signOff: { at: '2026-01-01T00:00:00.000Z', by: 'demo-tutor1' } } as TeachingSession;
const resident: Actor = { id: 'demo-resident1', role: 'resident' };
const tutor: Actor = { id: 'demo-tutor1', role: 'tutor' };

describe("the tutor's questions in the panel", () => {
  it('gives each question an id the rules accept, different for two asked in the same millisecond', () => {
    const first = newQuestionId(1_767_000_000_000, () => 0.1);
    const second = newQuestionId(1_767_000_000_000, () => 0.9);
    expect(identifier.safeParse(first).success).toBe(true);
    expect(first).toMatch(/^q-/);
    expect(first).not.toBe(second);
    expect(identifier.safeParse(newQuestionId()).success).toBe(true);
  });

  it('lets the tutor ask and both answer, nobody else, and nobody after sign-off', () => {
    expect(questionRights(tutor, session)).toEqual({ ask: true, answer: true });
    expect(questionRights(resident, session)).toEqual({ ask: false, answer: true });
    expect(questionRights({ id: 'demo-resident2', role: 'resident' }, session)).toEqual({ ask: false, answer: false });
    expect(questionRights({ id: 'demo-tutor2', role: 'tutor' }, session)).toEqual({ ask: false, answer: false });
    expect(questionRights({ id: 'demo-admin', role: 'admin' }, session)).toEqual({ ask: false, answer: false });
    expect(questionRights(tutor, signed)).toEqual({ ask: false, answer: false });
    expect(questionRights(resident, signed)).toEqual({ ask: false, answer: false });
  });

  it('sends any wording with text, and keeps on screen what the rules would trim or refuse', () => {
    expect(rewording('What is the nodule size?')).toEqual({ send: true, keepTyped: false });
    expect(rewording('What is ')).toEqual({ send: true, keepTyped: true });
    expect(rewording('')).toEqual({ send: false, keepTyped: true });
    expect(rewording('   ')).toEqual({ send: false, keepTyped: true });
  });
});
