/**
 * A worker thread of the hall generator (generateHallYear with `workers`): makes the batches it is asked
 * for (generateBatch: simulation through the core, encryption, cards) and sends them back; the main thread
 * writes them. Its own cipher from the same key, its own calendar cache.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { officialCalendar } from '../core/hall/calendar.ts';
import { PersonalDataCipher } from '../store/personal-data.ts';
import { cachedCalendar } from './cached-calendar.ts';
import { generateBatch, type HallPlan } from './hall-generator.ts';

const { plan, dataKey } = workerData as { plan: HallPlan; dataKey: Uint8Array };
const cipher = new PersonalDataCipher(Buffer.from(dataKey));
const calendar = cachedCalendar(officialCalendar);

parentPort?.on('message', ({ id, from, to }: { id: number; from: number; to: number }) => {
  try {
    parentPort?.postMessage({ id, batch: generateBatch(plan, cipher, from, to, calendar) });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
