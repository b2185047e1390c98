import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateRecord, type Migration } from '../../../../src/core/migrations/migrateRecord';
import { readSession } from '../../../../src/core/session/readSession';
import { SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

const kind = { zh: '示例', en: 'example' };

// A made-up history of a record type: v1 had `name`, v2 split it, v3 added `tags`.
const migrations: Migration[] = [
  {
    from: 2,
    migrate: ({ schemaVersion: _v, ...record }) => ({ ...record, schemaVersion: 3, tags: [] }),
  },
  {
    from: 1,
    migrate: ({ schemaVersion: _v, name, ...record }) => {
      const [family = '', given = ''] = String(name).split('^');
      return { ...record, schemaVersion: 2, family, given };
    },
  },
];

describe('migrateRecord', () => {
  it('brings a record of any older version to the current one, step by step', () => {
    expect(migrateRecord({ schemaVersion: 1, name: 'Zhang^Wei' }, migrations, 3, kind)).toEqual({
      ok: true,
      value: { schemaVersion: 3, family: 'Zhang', given: 'Wei', tags: [] },
    });
    expect(migrateRecord({ schemaVersion: 2, family: 'Li', given: 'Na' }, migrations, 3, kind)).toMatchObject({ ok: true, value: { tags: [] } });
  });

  it('leaves a current record as it is and does not change its input', () => {
    const input = { schemaVersion: 1, name: 'Wang^Fang' };
    const result = migrateRecord(input, migrations, 1, kind);
    expect(result).toEqual({ ok: true, value: input });
    migrateRecord(input, migrations, 3, kind);
    expect(input).toEqual({ schemaVersion: 1, name: 'Wang^Fang' });
  });

  it('refuses records from a newer program, without a version, or without a way forward', () => {
    const codes = [
      migrateRecord({ schemaVersion: 4 }, migrations, 3, kind),
      migrateRecord({ name: 'x' }, migrations, 3, kind),
      migrateRecord('text', migrations, 3, kind),
      migrateRecord({ schemaVersion: 1 }, [], 3, kind),
    ].map(result => (result.ok ? 'ok' : result.problem.code));
    expect(codes).toEqual(['migration.fromTheFuture', 'migration.noVersion', 'migration.notRecord', 'migration.missing']);
  });

  it('migrates any v1 record the same as migrating it through each step by hand', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (family, given) => {
        const v1 = { schemaVersion: 1, name: `${family.replace(/\^/g, '')}^${given.replace(/\^/g, '')}` };
        const byHand = migrations[0]!.migrate(migrations[1]!.migrate(v1));
        expect(migrateRecord(v1, migrations, 3, kind)).toEqual({ ok: true, value: byHand });
      }),
    );
  });
});

describe('readSession', () => {
  const session = new SessionDriver().completeAllStages().do({ type: 'signOff' }, TUTOR).session;

  it('reads back a session that went through JSON', () => {
    expect(readSession(JSON.parse(JSON.stringify(session)))).toEqual({ ok: true, value: session });
  });

  it('says what is wrong with a damaged record instead of throwing', () => {
    const damaged = JSON.parse(JSON.stringify(session));
    delete damaged.tutorId;
    damaged.stages['4.2'].status = 'finished';
    const result = readSession(damaged);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('record.invalid');
      expect(result.problem.message.en).toContain('tutorId');
      expect(result.problem.message.en).toContain('stages.4.2.status');
    }
    expect(readSession({ ...session, schemaVersion: 2 })).toMatchObject({ ok: false, problem: { code: 'migration.fromTheFuture' } });
  });
});
