// The "checked 1,234 of 10,000 files" line on a terminal: only once a run has taken a while (a quick run
// should print nothing extra), redrawn in place a few times a second, and wiped before the report.

/** Runs shorter than this show no progress. */
export const PROGRESS_DELAY_MS = 2000;
const REDRAW_INTERVAL_MS = 200;

export interface ProgressLine {
  update(done: number): void;
  /** Erases the line, if one was drawn. */
  end(): void;
}

const SILENT: ProgressLine = { update() {}, end() {} };

export function createProgressLine(
  stream: { write(text: string): unknown; isTTY?: boolean },
  total: number,
  now: () => number = () => performance.now(),
): ProgressLine {
  // Never in a log file or a CI transcript: there a carriage return is noise, not an animation.
  if (!stream.isTTY || total === 0) return SILENT;
  const startedAt = now();
  let lastDrawn = -Infinity;
  let drawn = false;
  return {
    update(done) {
      const time = now();
      if (time - startedAt < PROGRESS_DELAY_MS || time - lastDrawn < REDRAW_INTERVAL_MS) return;
      lastDrawn = time;
      drawn = true;
      const percent = Math.floor((done / total) * 100);
      stream.write(`\r\u001b[Kkube-guide: checked ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files (${percent}%)`);
    },
    end() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
