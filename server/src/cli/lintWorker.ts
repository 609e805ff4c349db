// The worker thread's side of `--jobs`: bundled to dist/cli-worker.js (compiled to lintWorker.js beside
// workerPool.js in tests). Each worker builds one checker, so the schema is loaded once per thread.
import { parentPort } from 'node:worker_threads';
import { DEFAULT_SETTINGS } from '../settings';
import { createLintJobRunner, type LintJob, type LintJobOutcome } from './lintJob';
import type { RunContext } from './runContext';

/** What the pool sends: a batch of files to check in order, or (before the first batch) the run's context. */
export type WorkerRequest = { jobs: LintJob[] } | { context: RunContext };

/** What a worker answers for each batch. */
export interface WorkerReply {
  outcomes: LintJobOutcome[];
}

// Checked as soon as the thread starts, while the main thread still reads files: it loads the schema.
const WARM_UP: LintJob = {
  id: -1,
  text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: warm-up\n',
  uri: 'untitled:warm-up.yaml',
  settings: DEFAULT_SETTINGS,
  fix: false,
};

if (parentPort) {
  const port = parentPort;
  const runJob = createLintJobRunner();
  // Batches are checked one after another: a second batch can wait in the queue while the first runs.
  let queue: Promise<unknown> = runJob(WARM_UP);
  port.on('message', (request: WorkerRequest) => {
    if ('context' in request) {
      // Known only once the main thread has read every file; queued, so the warm-up finishes first.
      queue = queue.then(() => runJob.useContext(request.context));
      return;
    }
    queue = queue.then(async () => {
      const outcomes: LintJobOutcome[] = [];
      for (const job of request.jobs) outcomes.push(await runJob(job));
      port.postMessage({ outcomes } satisfies WorkerReply);
    });
  });
}
