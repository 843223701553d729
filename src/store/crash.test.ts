/**
 * Crash safety at the store: a process writing in a loop is killed with SIGKILL; every write it reported
 * as committed is there afterwards, each with its audit row, and the database is intact.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, storeOptionsFromEnv } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { createTestStore, TEST_STORES } from './test-stores.ts';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

function runAndKill(env: NodeJS.ProcessEnv, acksBeforeKill: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
      env: { ...process.env, DATABASE_URL: '', ZHENGWU_DATA_DIR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acks.push(line.slice(4));
      if (acks.length >= acksBeforeKill && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`写入进程意外退出：${stderr}`));
    });
  });
}

describe.each(TEST_STORES)('$name', (entry) => {
  it.skipIf(entry.skip !== null)('keeps every acknowledged write when the writer is killed', async () => {
    const test = await createTestStore(entry.dialect);
    try {
      await migrateToLatest(test.store);
      const acks = await runAndKill(test.env, 40);
      expect(acks.length).toBeGreaterThanOrEqual(40);

      const reopened = await openDatabase(storeOptionsFromEnv({ ...test.env }));
      try {
        const ids = (await reopened.db.selectFrom('regions').select('id').execute()).map((r) => r.id);
        expect(ids).toEqual(expect.arrayContaining(acks));
        // At most the one write in flight at the kill got committed without its acknowledgement.
        expect(ids.length - acks.length).toBeLessThanOrEqual(1);
        const audited = await reopened.db
          .selectFrom('audit_log')
          .select('entity_id')
          .where('entity', '=', 'region')
          .execute();
        expect(audited.map((a) => a.entity_id).sort()).toEqual([...ids].sort());
        if (reopened.dialect === 'sqlite') {
          const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(reopened.db);
          expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
        }
      } finally {
        await reopened.close();
      }
    } finally {
      await test.dispose();
    }
  });
});
