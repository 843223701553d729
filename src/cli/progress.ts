/** A progress bar on stderr, drawn only when stderr is a terminal. */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const enabled = Boolean(stream.isTTY) && total > 1;
  let n = 0;
  const started = Date.now();
  return {
    tick(label: string) {
      n++;
      if (!enabled) return;
      const width = 30;
      const filled = Math.round((n / total) * width);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      stream.write(
        `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${n}/${total} ${secs}s ${name}\x1b[K`,
      );
    },
    done() {
      if (enabled) stream.write('\r\x1b[K');
    },
  };
}
