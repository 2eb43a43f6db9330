// Counting XML elements in a part of an .xlsx as it is inflated (core, the xlsx worker): how many
// rows and cells a worksheet holds, before exceljs builds every one of them in memory. Spreadsheet
// XML escapes "<" in text, so "<row " can only be an element; chunks are read as bytes, and an
// element name split between two chunks is counted once.

/** The byte after an element name: whitespace, ">" or "/" (so "<c" does not count "<col"). */
const ENDS_NAME = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);

export class ElementCounter {
  private readonly patterns: { name: string; bytes: Buffer }[];
  private readonly counts = new Map<string, number>();
  private tail = Buffer.alloc(0);
  private readonly keep: number;

  constructor(names: readonly string[]) {
    this.patterns = names.map((name) => ({ name, bytes: Buffer.from(`<${name}`, 'latin1') }));
    for (const name of names) this.counts.set(name, 0);
    // The longest "<name" plus its end byte must fit across a chunk boundary.
    this.keep = Math.max(...this.patterns.map((p) => p.bytes.length));
  }

  feed(chunk: Buffer): void {
    const data = this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
    for (const p of this.patterns) {
      let n = 0;
      for (let at = data.indexOf(p.bytes); at >= 0; at = data.indexOf(p.bytes, at + 1)) {
        const end = at + p.bytes.length;
        if (end >= data.length) break;
        // A match that ends inside the kept tail was counted with the previous chunk.
        if (end + 1 > this.tail.length && ENDS_NAME.has(data[end]!)) n += 1;
      }
      this.counts.set(p.name, this.counts.get(p.name)! + n);
    }
    this.tail = Buffer.from(data.subarray(Math.max(0, data.length - this.keep)));
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }
}
