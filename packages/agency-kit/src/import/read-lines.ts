import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

/** One line of an export file, numbered from 1 as an editor shows it. */
export interface SourceLine {
  number: number;
  text: string;
}

/**
 * The lines of a JSON Lines stream, one at a time: the file is never held whole, so memory stays
 * flat however large the export (the consumer awaits each batch before the next lines are read).
 */
export async function* readLines(input: Readable): AsyncGenerator<SourceLine> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    yield { number, text };
  }
}
