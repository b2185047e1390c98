import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionFromJson, sessionToJson } from '../../../../src/core/export';
import type { Problem } from '../../../../src/core/schema/problem';
import type { TeachingSession } from '../../../../src/core/session/session';
import { amendedSession, draftSession, signedOffSession, vetoedSession, withClock } from '../../../fixtures/teachingSessions';

function problemsOf(text: string): Problem[] {
  const read = sessionFromJson(text);
  if (read.ok) throw new Error('expected the file to be refused');
  return read.problems;
}

/** The exported object, to break on purpose. */
function exported(session: TeachingSession = signedOffSession()): Record<string, unknown> {
  return JSON.parse(sessionToJson(session)) as Record<string, unknown>;
}

/** Every object's keys inserted in reverse order, the values unchanged. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, entry]) => [key, reversedKeys(entry)]));
}

describe('sessionToJson / sessionFromJson', () => {
  it('reads back what it writes, in every state', () => {
    for (const session of [draftSession(), withClock(draftSession(), '2026-11-03T01:00:00Z', 12), signedOffSession(), vetoedSession(), amendedSession()]) {
      expect(sessionFromJson(sessionToJson(session))).toEqual({ ok: true, session });
    }
  });

  it('reads back an amendment that added or removed a value, which JSON writes without its undefined side', () => {
    const session = amendedSession();
    const changes = [
      { path: ['stages', '4.3', 'evaluation', 'criterionRemarks', 'negativeSigns'], before: undefined, after: '漏了胸腔积液' },
      { path: ['stages', '4.1', 'evaluation', 'criterionRemarks', 'purpose'], before: '检查目的应写入报告', after: undefined },
    ];
    const added = { ...session, amendments: [...session.amendments, { id: 'amendment-2', at: '2026-11-05T01:00:00Z', by: 'tutor-wang', reason: '补充备注', changes }] };
    const text = sessionToJson(added);
    expect(text).not.toContain('"before": undefined');
    expect(sessionFromJson(text)).toEqual({ ok: true, session: added });
  });

  it('writes the same text whatever order the record was built in, keys sorted and indented', () => {
    const session = amendedSession();
    const text = sessionToJson(session);
    expect(sessionToJson(reversedKeys(session) as TeachingSession)).toBe(text);
    expect(text.startsWith('{\n  "amendments": [')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([...keys].sort());
  });

  it('drops fields the schema does not know', () => {
    const text = sessionToJson({ ...signedOffSession(), scratch: 'not part of the record' } as TeachingSession);
    expect(text).not.toContain('scratch');
  });

  it('refuses to write an invalid session', () => {
    expect(() => sessionToJson({ ...signedOffSession(), residentTrainingYear: 4 } as unknown as TeachingSession)).toThrow(/residentTrainingYear/);
  });

  it('keeps any free text through a round trip', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (mainProblems, remark) => {
        const session = signedOffSession({ mainProblems });
        const withRemark = { ...session, stages: { ...session.stages, '4.1': { ...session.stages['4.1'], evaluation: { ...session.stages['4.1'].evaluation!, remark } } } };
        expect(sessionFromJson(sessionToJson(withRemark))).toEqual({ ok: true, session: withRemark });
      }),
      { numRuns: 50 },
    );
  });
});

describe('sessionFromJson: bad input', () => {
  it('says the text is not JSON', () => {
    const [problem, ...more] = problemsOf('{"schemaVersion": 1,');
    expect(more).toEqual([]);
    expect(problem?.code).toBe('file.malformed');
    expect(problem?.message.zh).toMatch(/^文件不是有效的 JSON（.+）$/);
    expect(problem?.message.en).toMatch(/^The file is not valid JSON \(.+\)$/);
    expect(problemsOf('')[0]?.code).toBe('file.malformed');
  });

  it('refuses a well-formed file that contradicts the rules: a signed session left partly scored', () => {
    const record = exported() as { stages: Record<string, { evaluation: { scores: Record<string, unknown> } }> };
    delete record.stages['4.3']!.evaluation.scores.positiveSigns;
    const problems = problemsOf(JSON.stringify(record));
    expect(problems.map(entry => entry.code)).toEqual(['session.signedIncomplete']);
    expect(problems[0]?.message.zh).toBe('已签署的活动存在未评完的环节');
  });

  it('names a schema version it cannot read, and only that', () => {
    expect(problemsOf(JSON.stringify({ ...exported(), schemaVersion: 3, residentId: 7 }))).toEqual([
      {
        code: 'migration.fromTheFuture',
        message: {
          zh: '教学活动记录的版本 3 比本程序支持的版本 2 更新，请先升级程序',
          en: 'The session record is version 3, newer than the 2 this program reads; upgrade the program first',
        },
      },
    ]);
    expect(problemsOf(JSON.stringify({ ...exported(), schemaVersion: '1' }))[0]?.code).toBe('migration.noVersion');
  });

  it('names each missing field by where it is', () => {
    const record = exported();
    delete record.residentId;
    delete (record.stages as Record<string, Record<string, unknown>>)['4.3']!.status;
    expect(problemsOf(JSON.stringify(record))).toEqual([
      { code: 'file.missing', message: { zh: '缺少“residentId”', en: '"residentId" is missing' } },
      { code: 'file.missing', message: { zh: '缺少“stages › 4.3 › status”', en: '"stages › 4.3 › status" is missing' } },
    ]);
  });

  it('explains wrong values in both languages, with the schema’s own English', () => {
    const record = exported();
    record.residentTrainingYear = 4;
    record.createdAt = 'yesterday';
    record.id = 'has spaces';
    (record.stages as Record<string, Record<string, unknown>>)['4.1']!.status = 'done';
    record.amendments = [{ id: 'a1', at: '2026-11-04T01:00:00Z', by: 'tutor-wang', reason: '  ', changes: [] }];
    expect(problemsOf(JSON.stringify(record))).toEqual([
      {
        code: 'file.invalid_format',
        message: { zh: '“id”格式不正确', en: '"id": may hold letters, digits, ".", "_" and "-" only' },
      },
      {
        code: 'file.invalid_union',
        message: { zh: '“residentTrainingYear”不符合任何一种允许的形式', en: '"residentTrainingYear": training year must be 1, 2 or 3 (住培第一/二/三年)' },
      },
      {
        code: 'file.invalid_value',
        message: { zh: '“stages › 4.1 › status”应为以下之一："draft"、"submitted"、"evaluated"', en: expect.stringMatching(/^"stages › 4\.1 › status": /) },
      },
      { code: 'file.too_small', message: { zh: '“amendments › 0 › reason”不能为空', en: '"amendments › 0 › reason": an amendment needs a reason' } },
      {
        code: 'file.invalid_format',
        message: { zh: '“createdAt”应为带时区的 ISO 8601 日期时间，如 2026-11-03T09:00:00+08:00', en: '"createdAt": must be an ISO 8601 date-time' },
      },
    ]);
  });

  it('explains wrong types, bad record keys and numbers out of range', () => {
    const record = exported();
    record.realTime = 'no';
    const evaluation = (record.stages as Record<string, Record<string, Record<string, unknown>>>)['4.1']!.evaluation!;
    evaluation.scores = { 'bad key!': 1, purpose: -1 };
    const problems = problemsOf(JSON.stringify(record));
    expect(problems).toContainEqual({ code: 'file.invalid_type', message: { zh: '“realTime”应为布尔值（true 或 false）', en: '"realTime": Invalid input: expected boolean, received string' } });
    expect(problems).toContainEqual({
      code: 'file.invalid_key',
      message: { zh: '“stages › 4.1 › evaluation › scores › bad key!”键名无效', en: '"stages › 4.1 › evaluation › scores › bad key!": may hold letters, digits, ".", "_" and "-" only' },
    });
    expect(problems.some(problem => problem.message.en.startsWith('"stages › 4.1 › evaluation › scores › purpose"'))).toBe(true);
  });

  it('refuses what is not a session object at all, or has no schema version', () => {
    for (const text of ['null', '[]', '42', '"session"']) {
      expect(problemsOf(text)).toEqual([{ code: 'migration.notRecord', message: { zh: '教学活动记录不是一个对象', en: 'The session record is not an object' } }]);
    }
    const { schemaVersion: _none, ...unversioned } = exported();
    expect(problemsOf(JSON.stringify(unversioned))[0]?.code).toBe('migration.noVersion');
  });

  it('never throws, whatever the text', () => {
    const session = exported();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map(value => JSON.stringify({ ...session, stages: value }))), text => {
        const read = sessionFromJson(text);
        if (!read.ok) {
          expect(read.problems.length).toBeGreaterThan(0);
          for (const problem of read.problems) expect(problem.message.zh.length * problem.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
    expect(sessionFromJson(undefined as unknown as string).ok).toBe(false);
  });
});
