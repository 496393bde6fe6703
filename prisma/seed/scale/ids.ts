// Deterministic ids: a version-4-shaped UUID per table and running number, so the same
// parameters give the same rows everywhere, and ids rise with insertion order (b-tree
// friendly). The first group names the table, the last the row.
const TABLE_PREFIX = {
  user: "5ca1e001",
  beneficiary: "5ca1e002",
  placement: "5ca1e003",
  session: "5ca1e004",
  person: "5ca1e005",
  order: "5ca1e006",
  requirement: "5ca1e007",
  assessment: "5ca1e008",
  allocation: "5ca1e009",
  attendance: "5ca1e00a",
  eteCredit: "5ca1e00b",
  enforcementAction: "5ca1e00c",
  enforcementOutcome: "5ca1e00d",
  extension: "5ca1e00e",
  review: "5ca1e00f",
  approval: "5ca1e010",
} as const;

export type IdKind = keyof typeof TABLE_PREFIX;

export function scaleId(kind: IdKind, n: number): string {
  return `${TABLE_PREFIX[kind]}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** Hands out ids of one table in order. */
export class IdSequence {
  private next = 0;
  constructor(private readonly kind: IdKind) {}
  take(): string {
    this.next += 1;
    return scaleId(this.kind, this.next);
  }
  get count(): number {
    return this.next;
  }
}
