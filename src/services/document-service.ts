/**
 * Imported documents: an uploaded file (any format the importers read) is parsed and audited; the result
 * (not the bytes) is kept with the file's name, format, size and SHA-256.
 */
import type { Actor } from '../core/access/roles.ts';
import { ZhengwuError } from '../core/errors.ts';
import { MAX_DOCUMENT_BYTES } from '../import/read-document.ts';
import type { DocumentRecord } from '../store/repositories/index.ts';
import { sha256Hex } from '../store/sha256.ts';
import { authorize, requireLogin } from './authorize.ts';
import { readInWorker } from './read-in-worker.ts';
import type { ServiceDeps } from './service-context.ts';

export interface UploadInput {
  fileName: string;
  departmentId: string | null;
  bytes: Uint8Array;
}

/** A document without a department is one from elsewhere: only reviewers and administrators import those. */
const departmentResource = (departmentId: string | null) =>
  ({ type: 'department', departmentId: departmentId ?? '' }) as const;

export class DocumentService {
  constructor(private readonly deps: ServiceDeps) {}

  async upload(actor: Actor | null, input: UploadInput) {
    const who = requireLogin(actor);
    const { repos } = this.deps;
    if (input.departmentId !== null && !(await repos.departments.get(input.departmentId)))
      throw new ZhengwuError('NOT_FOUND', `部门不存在（${input.departmentId}）。`);
    authorize(actor, 'document.import', departmentResource(input.departmentId));
    if (!input.bytes.byteLength) throw new ZhengwuError('INVALID_INPUT', `文件“${input.fileName}”是空的。`);
    if (input.bytes.byteLength > MAX_DOCUMENT_BYTES)
      throw new ZhengwuError('INPUT_TOO_LARGE', `文件超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB 的上限。`);
    const { read, audit } = await readInWorker(input.fileName, input.bytes);
    const document = await repos.documents.create({
      departmentId: input.departmentId,
      fileName: input.fileName,
      format: read.format,
      sha256: sha256Hex(input.bytes),
      size: input.bytes.byteLength,
      uploadedBy: who.id,
      summary: read.summary,
      budget: read.budget,
      audit,
    });
    return {
      document,
      encoding: read.encoding,
      provenance: read.provenance,
      missing: read.missing,
      lines: read.lines,
    };
  }

  async list(actor: Actor | null, departmentId?: string) {
    const who = requireLogin(actor);
    const all = await this.deps.repos.documents.list(departmentId);
    return all.filter((d) => this.mayView(who, d));
  }

  async get(actor: Actor | null, id: string): Promise<DocumentRecord> {
    const who = requireLogin(actor);
    const d = await this.deps.repos.documents.get(id);
    if (!d || !this.mayView(who, d)) throw new ZhengwuError('NOT_FOUND', '文件不存在。');
    return d;
  }

  private mayView(actor: Actor, d: { uploadedBy: string; departmentId: string | null }): boolean {
    if (d.uploadedBy === actor.id) return true;
    try {
      authorize(actor, 'document.view', departmentResource(d.departmentId));
      return true;
    } catch {
      return false;
    }
  }
}
