// The till count, as pure arithmetic: each denomination's count gives a line total (value × count), the lines
// give the counted total, and counted minus expected is the variance — over when positive, short when negative.
// Integer minor units throughout (BigInt for the products, so a large count cannot lose a unit).
// Not responsible for the grid on screen or for what the core books (it recomputes the count itself).

export interface CountLine {
  valueMinor: number;
  count: number;
  totalMinor: number;
}

export type VarianceDirection = 'over' | 'short' | 'balanced';

/** A count typed in a cell: a whole number of notes or coins, blank meaning none; null when it is not one. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const count = Number(trimmed);
  return count <= 1_000_000 ? count : null;
}

function safe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError('the till count is beyond what can be counted exactly');
  return Number(value);
}

/** The grid's lines, in the order of the denominations, with each line's total. */
export function countLines(denominations: readonly number[], counts: readonly number[]): CountLine[] {
  return denominations.map((valueMinor, i) => {
    const count = counts[i] ?? 0;
    return { valueMinor, count, totalMinor: safe(BigInt(valueMinor) * BigInt(count)) };
  });
}

export function countedTotal(lines: readonly CountLine[]): number {
  return safe(lines.reduce((sum, line) => sum + BigInt(line.totalMinor), 0n));
}

export function varianceOf(
  countedMinor: number,
  expectedMinor: number,
): { varianceMinor: number; direction: VarianceDirection } {
  const varianceMinor = safe(BigInt(countedMinor) - BigInt(expectedMinor));
  return {
    varianceMinor,
    direction: varianceMinor > 0 ? 'over' : varianceMinor < 0 ? 'short' : 'balanced',
  };
}

/** A variance beyond the branch's tolerance needs a note for the manager (the core decides what it books). */
export function needsNote(varianceMinor: number, toleranceMinor: number): boolean {
  return Math.abs(varianceMinor) > toleranceMinor;
}
