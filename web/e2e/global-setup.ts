/** Builds the web UI once before the tests when dist/web is missing or older than web/ (the e2e tests use it). */
import { ensureWebBuild } from '../../src/server/web-build.ts';

export default async function setup(): Promise<void> {
  await ensureWebBuild((s) => process.stdout.write(`${s}\n`));
}
