import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintJob, LintJobOutcome, LintJobRunner } from './lintJob';
import { isEmptyRunContext, type RunContext } from './runContext';
import type { WorkerReply, WorkerRequest } from './lintWorker';

// Spreads files over threads: worker threads, and the main thread itself once it has read every file (it
// would otherwise wait idle, and each worker costs a load of the bundle and the schema). The pool starts
// before the files are read, so each worker loads the bundle and the schema (about half a second) while the
// main thread walks and reads the tree. Batches are small and handed out as threads free up, so a thread
// that drew slow files does not hold the run back; each worker keeps one batch queued behind the one it is
// checking, so it never waits while the main thread checks a batch of its own. Outcomes are put back in
// the files' order.

/** Below this many files to check, `--jobs auto` stays in-process: starting a worker (loading the bundle
 * and the schema, about half a second) costs more than sharing a couple of hundred files saves. */
export const AUTO_WORKER_THRESHOLD = 200;
/** With `--jobs auto`, at least this many files per worker thread. */
const AUTO_FILES_PER_WORKER = 100;
const MAX_BATCH = 16;
const BATCHES_IN_FLIGHT_PER_WORKER = 2;

/**
 * How many worker threads a run starts beside the main thread, which checks files too: `--jobs N` is N
 * threads in all. 0 means in-process only. `requested` undefined is `--jobs auto`: one thread per core.
 */
export function workerCountFor(files: number, requested: number | undefined, cores: number): number {
  if (requested !== undefined) return requested > 1 ? Math.max(0, Math.min(requested, files) - 1) : 0;
  if (files < AUTO_WORKER_THRESHOLD || cores < 2) return 0;
  return Math.max(2, Math.min(cores, Math.floor(files / AUTO_FILES_PER_WORKER))) - 1;
}

/** The worker script: dist/cli-worker.js beside the bundled CLI, or the compiled module in tests. */
function workerScript(): string {
  const candidates = [path.join(__dirname, 'cli-worker.js'), path.join(__dirname, 'lintWorker.js')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`the worker script is missing; looked for ${candidates.join(', ')}`);
  return found;
}

/** Worker threads, started now and ready to check jobs later. */
export interface WorkerPool {
  readonly size: number;
  /**
   * Checks the jobs on the workers and, through `checkHere`, on the calling thread, in `context` (known
   * only after reading every file, while the workers started before); `onChecked` is called with the
   * number of files done so far.
   */
  run(jobs: readonly LintJob[], onChecked: (done: number) => void, context: RunContext, checkHere?: LintJobRunner): Promise<Map<number, LintJobOutcome>>;
  close(): Promise<void>;
}

/**
 * Starts `size` worker threads; each gets ready to check files (loads the schema) straight away. Until
 * `run` they do not keep the process alive: a run that fails before its checks still exits.
 */
export function startWorkerPool(size: number): WorkerPool {
  const script = workerScript();
  const workers = Array.from({ length: size }, () => new Worker(script));
  for (const worker of workers) worker.unref();
  // A worker that fails before the run starts still fails the run, when it starts.
  const failures: Error[] = [];
  for (const worker of workers) worker.on('error', (error) => failures.push(error));
  return {
    size,
    run: (jobs, onChecked, context, checkHere) => {
      for (const worker of workers) worker.ref();
      const used = workers.slice(0, Math.max(1, Math.min(size, jobs.length)));
      // Messages arrive in order: each worker has the context before its first batch.
      if (!isEmptyRunContext(context)) for (const worker of used) worker.postMessage({ context } satisfies WorkerRequest);
      checkHere?.useContext(context);
      return runJobs(used, jobs, failures, onChecked, checkHere);
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

async function runJobs(
  workers: readonly Worker[],
  jobs: readonly LintJob[],
  earlierFailures: readonly Error[],
  onChecked: (done: number) => void,
  checkHere?: LintJobRunner,
): Promise<Map<number, LintJobOutcome>> {
  const outcomes = new Map<number, LintJobOutcome>();
  if (jobs.length === 0) return outcomes;
  if (earlierFailures.length > 0) throw new Error(`a worker thread failed: ${earlierFailures[0].message}`);
  let next = 0;
  const takeBatch = (): LintJob[] => {
    const remaining = jobs.length - next;
    const threads = workers.length + (checkHere ? 1 : 0);
    const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(remaining / (threads * 8))));
    const batch = jobs.slice(next, next + size);
    next += batch.length;
    return batch;
  };
  const onWorkers = new Promise<void>((resolve, reject) => {
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
  // This thread takes batches too, between which the workers' replies are let in (and answered with more).
  const here = async () => {
    if (!checkHere) return;
    for (let batch = takeBatch(); batch.length > 0; batch = takeBatch()) {
      for (const job of batch) outcomes.set(job.id, await checkHere(job));
      onChecked(outcomes.size);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([onWorkers, here()]);
  return outcomes;
}
