/**
 * Reads and audits a document in a worker thread, with a hard time limit (the worker is terminated, which
 * pdf.js's own timeout on the main thread could not do) and at most as many at once as there are cores.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AuditReport } from '../core/audit/audit.ts';
import { type ErrorCode, ZhengwuError } from '../core/errors.ts';
import type { ReadResult } from '../import/read-document.ts';

export const READ_TIMEOUT_MS = 120_000;

type Reply =
  | { ok: true; read: ReadResult; audit: AuditReport }
  | { ok: false; code: ErrorCode | null; message: string };

const limit = Math.max(1, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function run(name: string, bytes: Uint8Array, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // The entry registers tsx in the worker thread, whatever started this process.
    const worker = new Worker(new URL('./document-worker-entry.mjs', import.meta.url), {
      workerData: { name, bytes },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({
        ok: false,
        code: 'UNREADABLE_INPUT',
        message: `读取文件超时（超过 ${timeoutMs / 1000} 秒）：${name}。文件可能已损坏或结构异常。`,
      });
    }, timeoutMs);
    worker.once('message', (reply: Reply) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(reply);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0)
        resolve({
          ok: false,
          code: 'UNREADABLE_INPUT',
          message: `读取文件时出错（进程退出码 ${code}）：${name}`,
        });
    });
  });
}

export async function readInWorker(
  name: string,
  bytes: Uint8Array,
  timeoutMs = READ_TIMEOUT_MS,
): Promise<{ read: ReadResult; audit: AuditReport }> {
  const reply = await slot(() => run(name, bytes, timeoutMs));
  if (reply.ok) return { read: reply.read, audit: reply.audit };
  if (reply.code) throw new ZhengwuError(reply.code, reply.message);
  throw new Error(reply.message);
}
