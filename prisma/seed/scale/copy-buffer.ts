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
  rowCount = 0;

  constructor(readonly table: string, readonly columns: readonly string[]) {}

  add(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    this.lines.push(values.map(escape).join("\t"));
    this.rowCount += 1;
    if (this.lines.length >= CHUNK_LINES) this.seal();
  }

  /** Closes the current chunk; call once more before reading `chunks`. */
  seal(): void {
    if (this.lines.length === 0) return;
    this.chunks.push(`${this.lines.join("\n")}\n`);
    this.lines = [];
  }

  copySql(): string {
    return `COPY "${this.table}" (${this.columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  }
}
