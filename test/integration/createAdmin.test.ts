import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRecordsService } from '../support/recordsProcess';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const PASSWORD = '主任的长密码 2026';

function createAdmin(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/createAdmin.ts', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', chunk => (output += chunk));
    child.stderr.on('data', chunk => (output += chunk));
    child.once('exit', code => resolve({ code, output }));
  });
}

/** A department installing the records service without the demo: its first administrator, from the command line. */
describe('npm run create-admin', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-create-admin-'));
  const args = ['--department', 'radiology', '--department-name', '放射科', '--username', 'zhang.zr', '--name', '张主任'];
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the department and an administrator who signs in and creates the others', async () => {
    const created = await createAdmin(args, { DATA_DIR: dataDir, TEACHING_ADMIN_PASSWORD: PASSWORD });
    expect(created.output).toMatch(/Administrator zhang\.zr of department radiology \(new\) created/);
    expect(created.code).toBe(0);

    const records = await startRecordsService({ DATA_DIR: dataDir, TEACHING_DEMO: 'off' });
    try {
      const signIn = await fetch(`${records.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhang.zr', password: PASSWORD }) });
      expect(signIn.status).toBe(200);
      expect(await signIn.json()).toMatchObject({ account: { name: '张主任', role: 'admin' }, department: { id: 'radiology', name: '放射科' } });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const tutor = await fetch(`${records.url}/api/people`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ role: 'tutor', username: 'wang.ls', name: '王老师', password: 'another long one' }),
      });
      expect(tutor.status).toBe(201);
      const people = await (await fetch(`${records.url}/api/people`, { headers: { cookie } })).json();
      expect(people.people.map((person: { username: string }) => person.username).sort()).toEqual(['wang.ls', 'zhang.zr']);
    } finally {
      await records.stop();
    }
  });

  it('refuses a taken username and a missing password in one line each', async () => {
    const taken = await createAdmin(args, { DATA_DIR: dataDir, TEACHING_ADMIN_PASSWORD: PASSWORD });
    expect(taken.code).toBe(1);
    expect(taken.output.trim()).toBe('The username zhang.zr is taken; choose another.');
    const withoutPassword = await createAdmin(args, { DATA_DIR: dataDir, TEACHING_ADMIN_PASSWORD: '' });
    expect(withoutPassword.code).toBe(1);
    expect(withoutPassword.output).toMatch(/^password: a password needs at least 10 characters\nUsage: TEACHING_ADMIN_PASSWORD=/);
  });
});
