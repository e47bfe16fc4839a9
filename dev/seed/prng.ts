/** A small seeded PRNG (mulberry32) so every seed builds the same organization, run after run. */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex8(n: number): string {
  return HEX[n >>> 24] + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
}

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Seed: pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** A version-4-shaped GUID, lower-case. */
  guid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    const version = ((b & 0xffff0fff) | 0x4000) >>> 0;
    const variant = ((c & 0x3fffffff) | 0x80000000) >>> 0;
    return `${hex8(a)}-${hex8(version).slice(0, 4)}-${hex8(version).slice(4)}-${hex8(variant).slice(0, 4)}-${hex8(variant).slice(4)}${hex8(d)}`;
  }

  /** A mailbox item id, as server-side sync stamps on synced activities. */
  exchangeItemId(): string {
    return `AAMkAG${hex8(this.uint32())}${hex8(this.uint32())}${hex8(this.uint32())}${hex8(this.uint32())}`;
  }
}
