import cluster, { type Worker } from 'node:cluster';

/** How long a worker that keeps dying is left down before it is started again. */
const RESTART_DELAY_MS = 1000;

/**
 * The primary process of `WORKERS` > 1: starts the API workers on one shared port (Node's cluster module hands
 * connections to them in turn) and keeps them running. The first worker starts alone, so that only it runs the
 * migrations and the demo seed; the others start once it listens. A worker that dies is replaced. SIGTERM or
 * SIGINT stops the workers (each closes gracefully through Nest's shutdown hooks) and then the primary.
 *
 * Nothing correctness-critical lives in one worker's memory: stock and money are judged by the database, rate
 * limits are in Redis (config refuses WORKERS > 1 without REDIS_URL), and scheduled jobs claim each period in
 * `job_runs`, so a job period runs once whichever worker's scheduler fires first.
 */
export async function superviseWorkers(count: number, log: (line: string) => void): Promise<void> {
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      setTimeout(() => fork(), RESTART_DELAY_MS);
    });
    return worker;
  };
  const listening = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.once('listening', () => resolve());
      worker.once('exit', (code) => reject(new Error(`the first worker exited with ${code} before listening`)));
    });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(0);
    let left = workers.length;
    for (const worker of workers) {
      worker.once('exit', () => {
        left -= 1;
        if (left === 0) process.exit(0);
      });
      worker.process.kill(signal);
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGTERM'));

  await listening(fork());
  for (let i = 1; i < count; i++) fork();
  log(`${count} API workers on one port (primary ${process.pid})`);
}
