import { startProcess, type RunningServer } from './serverProcess';

export type RunningRecords = RunningServer;

/** The records service on its own, exactly as `npm run records` runs it; `url` is its origin (the API is under /api). */
export function startRecordsService(env: Record<string, string>, timeoutMs?: number): Promise<RunningRecords> {
  return startProcess('src/server/recordsMain.ts', /records service is ready: (http:\/\/\S+?)\/api\//, env, timeoutMs);
}
