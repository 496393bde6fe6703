// A one-line progress bar on the terminal (stderr). When stderr is not a terminal (CI,
// a log file) it prints one line per phase and every 10 % instead of redrawing.
export class ProgressBar {
  private lastDraw = 0;
  private lastTenth = -1;
  private readonly started = performance.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly quiet = false,
  ) {}

  update(done: number): void {
    if (this.quiet || this.total <= 0) return;
    const fraction = Math.min(1, done / this.total);
    if (this.tty) {
      const now = performance.now();
      if (now - this.lastDraw < 100 && fraction < 1) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round(fraction * width);
      const seconds = ((now - this.started) / 1000).toFixed(0);
      process.stderr.write(
        `\r${this.label.padEnd(26)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${done.toLocaleString("en-GB")}/${this.total.toLocaleString("en-GB")} ${seconds}s   `,
      );
    } else {
      const tenth = Math.floor(fraction * 4);
      if (tenth === this.lastTenth) return;
      this.lastTenth = tenth;
      process.stderr.write(`${this.label}: ${tenth * 25}%\n`);
    }
  }

  finish(note = ""): void {
    if (this.quiet) return;
    this.update(this.total);
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    process.stderr.write(`${this.tty ? "\n" : ""}${this.label}: done in ${seconds}s${note ? ` (${note})` : ""}\n`);
  }
}
