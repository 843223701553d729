// The worker's entry point, in plain JavaScript so that Node can start it without a loader: it registers
// tsx (a dependency) in this thread, then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./document-worker.ts');
