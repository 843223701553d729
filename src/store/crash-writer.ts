/**
 * A child process for the crash test: opens the store the environment names and writes audited changes
 * (a region per transaction) as fast as it can, printing `ack <id>` after each commit, until it is killed.
 */
import { openDatabase, storeOptionsFromEnv } from './database.ts';
import { createRepositories } from './repositories/index.ts';

const store = await openDatabase(storeOptionsFromEnv());
const repos = createRepositories(store.db);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const region = await repos.regions.create({ name: `第${i}号`, level: 'village', code: null }, null);
  process.stdout.write(`ack ${region.id}\n`);
}
