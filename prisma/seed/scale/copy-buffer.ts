// Rows of one table in PostgreSQL's COPY text format, kept as joined chunks (a few MB
// each) rather than millions of objects: 3 million attendance rows fit in a few hundred MB.
// Values are ours (no tabs, newlines or backslashes), but `text` escapes them anyway.
export type CopyValue = string | number | boolean | null | undefined;

const CHUNK_LINES = 20_000;

function escape(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

export class CopyBuffer {
  readonly chunks: string[] = [];
  private lines: string[] = [];
  /** Rows added with `addOn`, by day, written in day order by `seal` (see addOn). */
  private readonly byDay = new Map<number, string[]>();
  rowCount = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length)
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    this.lines.push(values.map(escape).join("\t"));
    this.rowCount += 1;
    if (this.lines.length >= CHUNK_LINES) this.flushLines();
  }

  /**
   * Adds a row to be written in the order of `day`. In a live system allocations and attendance
   * are appended as sessions are booked and recorded, so their rows lie on disk roughly in date
   * order; the generator works one requirement at a time, so it reorders them to match (date
   * range scans then read few pages, as they would in production).
   */
  addOn(day: number, values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length)
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    const list = this.byDay.get(day);
    const line = values.map(escape).join("\t");
    if (list) list.push(line);
    else this.byDay.set(day, [line]);
    this.rowCount += 1;
  }

  /** Closes the current chunk (and writes the dated rows in day order); call before reading `chunks`. */
  seal(): void {
    if (this.byDay.size > 0) {
      for (const day of [...this.byDay.keys()].sort((a, b) => a - b)) {
        for (const line of this.byDay.get(day) ?? []) {
          this.lines.push(line);
          if (this.lines.length >= CHUNK_LINES) this.flushLines();
        }
        this.byDay.delete(day);
      }
    }
    this.flushLines();
  }

  private flushLines(): void {
    if (this.lines.length === 0) return;
    this.chunks.push(`${this.lines.join("\n")}\n`);
    this.lines = [];
  }

  copySql(): string {
    return `COPY "${this.table}" (${this.columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  }
}
