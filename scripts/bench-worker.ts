/**
 * Runs a bench's clients in a worker thread: the server under test answers in the main thread,
 * where a synchronous SQLite call holds everything else, and a client there would neither send
 * nor time anything while it runs. The worker loads the given module through tsx, as the bench
 * runs, hands it `{ [key]: job }` as its worker data and resolves with the first message it sends.
 */
import { Worker } from "node:worker_threads";

export function inWorker<T>(moduleUrl: string, key: string, job: unknown): Promise<T> {
  const code = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
    .then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { [key]: job } });
    let answered = false;
    worker.once("message", (result: T) => {
      answered = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`The bench's client stopped (exit code ${code}).`));
    });
  });
}
