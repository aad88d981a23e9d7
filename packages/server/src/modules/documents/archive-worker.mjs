// Worker thread entry: inspects archives away from the event loop, so a crafted file costs this
// thread and never the server's requests. Started and reused by archive-check.ts. Plain
// JavaScript because on Node 20 tsx's loader does not reach worker threads; it loads the
// TypeScript here.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { inspectArchive } = await tsImport("./archive-inspect.ts", import.meta.url);
parentPort?.on("message", async ({ path, limits }) => {
  parentPort?.postMessage(await inspectArchive(path, limits));
});
