import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { identifier } from '../core/schema/common';
import { newPassword, username as usernameSchema } from '../records/api/people';
import { hashPassword } from '../records/auth/passwords';
import { openDatabase } from '../records/db/openDatabase';
import { KyselyRepository } from '../records/repository/kyselyRepository';
import { newAccount } from '../records/repository/newAccount';
import { ConfigError, readConfig } from './config';
import { runMain } from './processLifecycle';

const USAGE = `Usage: TEACHING_ADMIN_PASSWORD=… npm run create-admin -- --department <id> --department-name <name> --username <username> --name <display name>
Creates the department if it does not exist yet, and an administrator of it, in the records database
that DATABASE_URL (or DATA_DIR) names. The password comes from the environment, not the command line,
so that it stays out of the shell's history.`;

const options = z.object({
  department: identifier,
  'department-name': z.string().trim().min(1, 'department name is required'),
  username: usernameSchema,
  name: z.string().trim().min(1, 'name is required'),
  password: newPassword,
});

/**
 * A department's first administrator, for an installation without the demo department: everyone
 * else is then created by that administrator (or arrives through the identity provider).
 */
async function createAdmin(): Promise<void> {
  const { values } = parseArgs({
    options: { department: { type: 'string' }, 'department-name': { type: 'string' }, username: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  const parsed = options.safeParse({ ...values, password: process.env.TEACHING_ADMIN_PASSWORD ?? '' });
  if (!parsed.success) throw new ConfigError(`${parsed.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n${USAGE}`);
  const input = parsed.data;
  const config = readConfig(process.env);
  const database = await openDatabase(config.records.database);
  const repository = new KyselyRepository(database.db);
  try {
    const at = new Date().toISOString();
    const department = await repository.findDepartment(input.department);
    if (!department) await repository.createDepartment({ id: input.department, name: input['department-name'], createdAt: at });
    const account = newAccount(
      { id: randomUUID(), departmentId: input.department, username: input.username, name: input.name, role: 'admin', trainingYear: null, passwordHash: await hashPassword(input.password) },
      at,
    );
    if (!(await repository.createAccount(account))) throw new ConfigError(`The username ${input.username} is taken; choose another.`);
    console.log(`Administrator ${input.username} of department ${input.department}${department ? '' : ' (new)'} created.`);
  } finally {
    await repository.close();
  }
}

runMain(createAdmin);
