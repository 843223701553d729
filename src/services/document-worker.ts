/**
 * The worker thread that reads and audits an uploaded document (src/services/read-in-worker.ts starts it):
 * PDF parsing and the importer are CPU work that would otherwise stall every other request.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { auditBudget } from '../core/audit/audit.ts';
import { ZhengwuError } from '../core/errors.ts';
import { readDocument } from '../import/read-document.ts';

const { name, bytes } = workerData as { name: string; bytes: Uint8Array };
try {
  const read = await readDocument(name, bytes);
  parentPort?.postMessage({ ok: true, read, audit: auditBudget(read) });
} catch (e) {
  parentPort?.postMessage(
    e instanceof ZhengwuError
      ? { ok: false, code: e.code, message: e.message }
      : { ok: false, code: null, message: (e as Error).message ?? String(e) },
  );
}
