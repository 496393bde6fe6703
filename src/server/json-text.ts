// A value already written as JSON text, typed as the value it encodes. GET /api/v1/cases sends its
// page of kept case views as they are stored (decision 0101): parsing a hundred views and writing
// them out again was about a tenth of the server's time for each request. The API's reply writer
// (toResponse) sends the text as it is; everything else is written with JSON.stringify as before.

export class JsonText<T> {
  /** Never set: it only carries the type of the value the text encodes. */
  declare readonly encodes?: T;
  constructor(readonly text: string) {}
  /** Anywhere else it is written with JSON.stringify (an idempotent reply's stored copy), it is the value. */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** `{"key":value,…}` from entries whose values are already JSON text, in the order given. */
export function jsonObjectText(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(",")}}`;
}
