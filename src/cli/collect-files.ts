/** Expands command-line arguments: files stay, directories become the documents in them. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSupportedName } from '../import/read-document.ts';

export interface InputFile {
  path: string;
  /** The file was named directly (so an unsupported type is an error, not skipped). */
  explicit: boolean;
}

async function walk(dir: string, out: InputFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && isSupportedName(e.name)) out.push({ path: p, explicit: false });
  }
}

/** Returns the files and whether any argument was a directory (a batch). */
export async function collectFiles(args: readonly string[]): Promise<{ files: InputFile[]; batch: boolean }> {
  const files: InputFile[] = [];
  let batch = args.length > 1;
  for (const a of args) {
    let s: Awaited<ReturnType<typeof stat>> | null = null;
    try {
      s = await stat(a);
    } catch {
      s = null;
    }
    if (s?.isDirectory()) {
      batch = true;
      await walk(a, files);
    } else files.push({ path: a, explicit: true });
  }
  return { files, batch };
}
