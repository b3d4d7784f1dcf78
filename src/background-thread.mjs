// The background thread's first module. Worker threads do not inherit tsx's loader hooks, so they are
// registered here before the composition root (main.ts, named in workerData) is loaded.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
