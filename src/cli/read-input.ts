/** Reads one input file for the importer, turning every failure into a Chinese message. */
import { open } from 'node:fs/promises';
import { ZhengwuError } from '../core/errors.ts';
import { MAX_DOCUMENT_BYTES, type ReadResult, readDocument } from '../import/read-document.ts';

export type Outcome = { ok: true; result: ReadResult } | { ok: false; error: string };

export async function readInput(path: string): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (!(await handle.stat()).isFile()) return { ok: false, error: `不是文件：${path}` };
      if (size > MAX_DOCUMENT_BYTES)
        return {
          ok: false,
          error: `文件过大（${(size / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB 的上限：${path}`,
        };
      bytes = new Uint8Array(size);
      let read = 0;
      while (read < size) {
        const { bytesRead } = await handle.read(bytes, read, size - read, read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      bytes = bytes.subarray(0, read);
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EACCES'
          ? '没有读取权限'
          : code === 'EISDIR'
            ? '这是一个目录'
            : '无法打开';
    return { ok: false, error: `${why}：${path}` };
  }
  try {
    return { ok: true, result: await readDocument(path, bytes) };
  } catch (e) {
    if (e instanceof ZhengwuError) return { ok: false, error: e.message };
    // An importer bug must not stop a batch; say which file and what happened.
    return { ok: false, error: `导入时出现内部错误（${(e as Error).message}）：${path}` };
  }
}
