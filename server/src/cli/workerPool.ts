import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintJob, LintJobOutcome } from './lintJob';
import type { WorkerReply, WorkerRequest } from './lintWorker';

// Spreads files over worker threads. Batches are small and handed out as workers free up, so a thread
// that drew slow files does not hold the run back; each worker keeps one batch queued behind the one it
// is checking, so it never waits for the main thread. Outcomes are put back in the files' order.

/** Below this many files to check, `--jobs auto` stays in-process: starting a worker (loading the bundle
 * and the schema, about half a second) costs more than sharing a couple of hundred files saves. */
export const AUTO_WORKER_THRESHOLD = 200;
/** With `--jobs auto`, at least this many files per worker thread. */
const AUTO_FILES_PER_WORKER = 100;
const MAX_BATCH = 16;
const BATCHES_IN_FLIGHT_PER_WORKER = 2;

/** How many worker threads a run uses; 0 means in-process. `requested` undefined is `--jobs auto`. */
export function workerCountFor(files: number, requested: number | undefined, cores: number): number {
  if (requested !== undefined) return requested > 1 ? Math.min(requested, files) : 0;
  if (files < AUTO_WORKER_THRESHOLD || cores < 2) return 0;
  return Math.max(2, Math.min(cores, Math.floor(files / AUTO_FILES_PER_WORKER)));
}

/** The worker script: dist/cli-worker.js beside the bundled CLI, or the compiled module in tests. */
function workerScript(): string {
  const candidates = [path.join(__dirname, 'cli-worker.js'), path.join(__dirname, 'lintWorker.js')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`the worker script is missing; looked for ${candidates.join(', ')}`);
  return found;
}

/** Checks the jobs on `workerCount` threads; `onChecked` is called with the number of files done so far. */
export async function runJobsOnWorkers(
  jobs: readonly LintJob[],
  workerCount: number,
  onChecked: (done: number) => void,
): Promise<Map<number, LintJobOutcome>> {
  const outcomes = new Map<number, LintJobOutcome>();
  if (jobs.length === 0) return outcomes;
  const script = workerScript();
  const workers = Array.from({ length: Math.min(workerCount, jobs.length) }, () => new Worker(script));
  let next = 0;
  const takeBatch = (): LintJob[] => {
    const remaining = jobs.length - next;
    const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(remaining / (workers.length * 8))));
    const batch = jobs.slice(next, next + size);
    next += batch.length;
    return batch;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let finishedWorkers = 0;
      for (const worker of workers) {
        let inFlight = 0;
        const send = () => {
          const batch = takeBatch();
          if (batch.length === 0) return false;
          inFlight++;
          worker.postMessage({ jobs: batch } satisfies WorkerRequest);
          return true;
        };
        worker.on('message', (reply: WorkerReply) => {
          inFlight--;
          for (const outcome of reply.outcomes) outcomes.set(outcome.id, outcome);
          onChecked(outcomes.size);
          send();
          if (inFlight === 0 && ++finishedWorkers === workers.length) resolve();
        });
        worker.on('error', (error) => reject(new Error(`a worker thread failed: ${error.message}`)));
        worker.on('exit', (code) => {
          if (inFlight > 0) reject(new Error(`a worker thread stopped (exit code ${code}) with files left to check`));
        });
        for (let i = 0; i < BATCHES_IN_FLIGHT_PER_WORKER; i++) send();
        if (inFlight === 0 && ++finishedWorkers === workers.length) resolve();
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}
