import cliProgress from "cli-progress";

/** A progress bar on a terminal, a line every few seconds elsewhere (logs, CI). */
export function progressBar(label: string, total: number) {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {detail}`, hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { detail: "" });
    return {
      update: (value: number, detail: string) => bar.update(value, { detail }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(value: number, detail: string) {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      process.stderr.write(`${label}: ${Math.round((100 * value) / Math.max(total, 1))}% ${detail}\n`);
    },
    stop: () => undefined,
  };
}
