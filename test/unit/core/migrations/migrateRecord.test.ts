import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateRecord, type Migration } from '../../../../src/core/migrations/migrateRecord';
import { readSession } from '../../../../src/core/session/readSession';
import { readCase, readPerson } from '../../../../src/core/session/records';
import { fullSheet, SessionDriver, TUTOR } from '../../../fixtures/sessionRules';

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

  it('reads back an amended session, whose changes have values that were absent before', () => {
    const driver = new SessionDriver().completeAllStages().do({ type: 'signOff' }, TUTOR);
    const sheet = fullSheet(driver.session);
    const veto = driver.session.reportSheet.vetoes[0]!.id;
    const remark = { ...sheet, sheet: { ...sheet.sheet, vetoes: [veto], itemRemarks: { [Object.keys(sheet.sheet.items)[0]!]: '患者信息错误' } } };
    driver.do({ type: 'amend', reason: 'wrong patient', amendment: { target: 'report', evaluation: remark } }, TUTOR);
    const text = JSON.stringify(driver.session);
    expect(text).not.toContain('"before":undefined');
    expect(readSession(JSON.parse(text))).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('refuses a record that contradicts itself, though each field is well formed', () => {
    const tampered = JSON.parse(JSON.stringify(session));
    tampered.stages['4.2'].evaluation = tampered.stages['4.5'].evaluation;
    tampered.stages['4.1'].evaluation.scores['clinical-extraction'] = 99;
    tampered.stages['4.3'].status = 'submitted';
    const result = readSession(tampered);
    expect(result).toMatchObject({ ok: false, problem: { code: 'session.inconsistent' } });
    if (!result.ok) {
      expect(result.problem.message.en).toContain('Stage 4.2 is not scored the way its rubric says');
      expect(result.problem.message.en).toMatch(/must lie between 0 and \d+; it is 99/);
      expect(result.problem.message.en).toContain('Stage 4.3: its status does not match');
      expect(result.problem.message.en).toContain('signed-off session has stages that are not fully scored');
    }
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
    expect(readSession({ ...session, schemaVersion: 3 })).toMatchObject({ ok: false, problem: { code: 'migration.fromTheFuture' } });
  });
});

describe('cases and people', () => {
  it('read back with their schema version and are refused without one', () => {
    const resident = { schemaVersion: 1, role: 'resident', id: 'resident-li', name: '李娜', trainingYear: 2, active: true };
    expect(readPerson(resident)).toEqual({ ok: true, value: resident });
    expect(readPerson({ ...resident, trainingYear: 4 })).toMatchObject({ ok: false, problem: { code: 'record.invalid', message: { en: expect.stringContaining('training year must be 1, 2 or 3') } } });
    const { schemaVersion: _none, ...unversioned } = resident;
    expect(readPerson(unversioned)).toMatchObject({ ok: false, problem: { code: 'migration.noVersion' } });
    expect(readCase({ schemaVersion: 2, id: 'c' })).toMatchObject({ ok: false, problem: { message: { zh: expect.stringContaining('病例记录有误') } } });
  });
});
