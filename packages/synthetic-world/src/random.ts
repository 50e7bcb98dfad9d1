/**
 * A seeded random source for the synthetic world. Everything random in the world goes through one of
 * these, so a (seed, size, asOf) triple always reproduces the same world.
 *
 * pure-rand's xoroshiro128plus is mutable in v8 (`next()` advances in place), which keeps the hot
 * path allocation-free: a 100,000-subject world draws millions of numbers.
 */

import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

const TWO_POW_32 = 4_294_967_296;

/** A fixed weighted choice, prepared once for the hot paths (per person, per address). */
export class WeightedTable<T> {
  private readonly values: T[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(choices: readonly (readonly [T, number])[]) {
    let total = 0;
    for (const [value, weight] of choices) {
      total += weight;
      this.values.push(value);
      this.cumulative.push(total);
    }
    if (total <= 0) throw new RangeError("a weighted table needs a positive total weight");
    this.total = total;
  }

  pick(random: Random): T {
    const target = random.float() * this.total;
    const cumulative = this.cumulative;
    let i = 0;
    while (i < cumulative.length - 1 && target >= (cumulative[i] as number)) i++;
    return this.values[i] as T;
  }
}
const HEX = "0123456789abcdef";

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Distinct numbers from [0, size) in a scattered order, without remembering the ones issued: steps by
 * a stride coprime to size, so it visits every number once before repeating.
 */
export class Scatter {
  private current: number;
  private readonly stride: number;
  private issued = 0;

  constructor(
    random: Random,
    readonly size: number,
  ) {
    let stride = random.int(Math.floor(size / 3), Math.floor((2 * size) / 3));
    while (gcd(stride, size) !== 1) stride++;
    this.stride = stride;
    this.current = random.int(0, size - 1);
  }

  next(): number {
    if (this.issued >= this.size) throw new RangeError(`all ${this.size} numbers have been issued`);
    this.issued++;
    this.current = (this.current + this.stride) % this.size;
    return this.current;
  }
}

export class Random {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed | 0);
  }

  /** A fresh, independent stream derived from this one (for a sub-task that must not shift others). */
  fork(): Random {
    return new Random(this.generator.next());
  }

  /** Uniform in [0, 1). */
  float(): number {
    return (this.generator.next() >>> 0) / TWO_POW_32;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let target = this.float() * total;
    for (const [value, weight] of choices) {
      target -= weight;
      if (target < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new RangeError("weighted pick from an empty list");
    return last[0];
  }

  /** Fisher-Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** Distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle([...items]).slice(0, count);
  }

  /** A string of decimal digits. */
  digits(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += String.fromCharCode(48 + Math.floor(this.float() * 10));
    return out;
  }

  /**
   * RFC 4122 version-4-shaped id. Joined from an array so the result is one flat string: built with
   * += it would be a chain of two dozen string fragments kept alive for the life of the world.
   */
  uuid(): string {
    const chars: string[] = [];
    for (let i = 0; i < 32; i++) {
      let nibble = Math.floor(this.float() * 16);
      if (i === 12) nibble = 4;
      else if (i === 16) nibble = 8 | (nibble & 3);
      chars.push(HEX.charAt(nibble));
      if (i === 7 || i === 11 || i === 15 || i === 19) chars.push("-");
    }
    return chars.join("");
  }
}
