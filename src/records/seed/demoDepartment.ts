import { hashPassword } from '../auth/passwords';
import type { Account, RecordsRepository } from '../repository/RecordsRepository';
import { newAccount } from '../repository/newAccount';
import { demoCases } from './demoCases';
import { DEMO_PEOPLE, demoAccountId } from './demoPeople';
import { beijingTime, demoSessions, minutesAfter } from './demoSessions';
import { demoSignComparisons } from './demoSignComparisons';

export const DEMO_DEPARTMENT_ID = 'demo';
export const DEMO_USERNAMES = ['admin', 'tutor1', 'tutor2', 'resident1', 'resident2', 'resident3', 'resident4'] as const;
export type DemoUsername = (typeof DEMO_USERNAMES)[number];

const DEMO_DEPARTMENT_NAME = '放射科教学示范科室';

/**
 * A department to try the product with: an administrator, two tutors, four residents (all signing in
 * with `password`), a case per sample study, a session in progress and a few signed off in earlier
 * months. Seeded once: when the department exists, nothing is touched, so changes made in the demo
 * survive restarts.
 *
 * Everything is built, and every command checked by the rules, before the first write: a seed bug
 * then stops the seed with the database as it was, instead of leaving half a department that the
 * next start would take for a seeded one.
 */
export async function seedDemoDepartment(repository: RecordsRepository, password: string, now: Date): Promise<{ seeded: boolean }> {
  if (await repository.findDepartment(DEMO_DEPARTMENT_ID)) return { seeded: false };

  // Usernames are unique across departments; another department holding one would fail the seed halfway.
  const taken = (await Promise.all(DEMO_USERNAMES.map(username => repository.findAccountByUsername(username)))).flatMap(account => account ?? []);
  if (taken.length > 0) throw new Error(`Cannot seed the demo department: the usernames ${taken.map(account => account.username).join(', ')} are taken`);

  const since = beijingTime(now, 4, 1, 9);
  const cases = demoCases({ chestCt: minutesAfter(now, -10 * 24 * 60), brainMr: since, chestRadiograph: since, liverUltrasound: since });
  const sessions = demoSessions(cases, now);
  const drawings = demoSignComparisons(cases, sessions);
  const hashes = await Promise.all(DEMO_USERNAMES.map(() => hashPassword(password)));
  const accounts = DEMO_USERNAMES.map((username, index): Account => {
    const { name, role, trainingYear } = DEMO_PEOPLE[username];
    return newAccount({ id: demoAccountId(username), departmentId: DEMO_DEPARTMENT_ID, username, name, role, trainingYear, passwordHash: hashes[index]! }, since.toISOString());
  });

  await repository.createDepartment({ id: DEMO_DEPARTMENT_ID, name: DEMO_DEPARTMENT_NAME, createdAt: since.toISOString() });
  for (const account of accounts) {
    if (!(await repository.createAccount(account))) throw new Error(`Demo seed: the username ${account.username} was taken while seeding`);
  }
  for (const teachingCase of Object.values(cases)) await repository.createCase(DEMO_DEPARTMENT_ID, teachingCase, teachingCase.createdAt);
  for (const annotation of drawings.reference) {
    const written = await repository.putCaseAnnotation(DEMO_DEPARTMENT_ID, annotation, 0);
    if (written.outcome !== 'written') throw new Error(`Demo seed: storing reference drawing ${annotation.uid} gave ${written.outcome}`);
  }
  for (const { initial, created, steps } of sessions) {
    await repository.createSession(DEMO_DEPARTMENT_ID, initial, created);
    for (const { event, command, state } of steps) {
      const written = await repository.appendEvent(DEMO_DEPARTMENT_ID, initial.id, { expectedVersion: event.seq - 1, event, command, state });
      if (written.outcome !== 'written') throw new Error(`Demo seed: storing event ${event.seq} (${event.type}) of session ${initial.id} gave ${written.outcome}`);
    }
  }
  for (const annotation of drawings.resident) {
    const written = await repository.putAnnotation(DEMO_DEPARTMENT_ID, annotation, 0);
    if (written.outcome !== 'written') throw new Error(`Demo seed: storing the resident's drawing ${annotation.uid} gave ${written.outcome}`);
  }
  for (const comparison of drawings.comparisons) await repository.putSignComparison(DEMO_DEPARTMENT_ID, comparison);
  return { seeded: true };
}
