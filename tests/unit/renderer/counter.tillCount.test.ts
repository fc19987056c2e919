import { describe, expect, it } from 'vitest';
import {
  countLines,
  countedTotal,
  needsNote,
  parseCount,
  varianceOf,
} from '../../../renderer/screens/counter/till/count';

const kes = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000]; // 1000 … 10 shillings, in cents

describe('the till count', () => {
  it('totals each denomination line as value × count', () => {
    const lines = countLines(kes, [3, 1, 0, 2]);
    expect(lines.map((l) => l.totalMinor)).toEqual([300_000, 50_000, 0, 20_000, 0, 0, 0]);
    expect(countedTotal(lines)).toBe(370_000);
  });

  it('is over when more cash is counted than expected, short when less, balanced when equal', () => {
    expect(varianceOf(370_000, 365_000)).toEqual({ varianceMinor: 5_000, direction: 'over' });
    expect(varianceOf(360_000, 365_000)).toEqual({ varianceMinor: -5_000, direction: 'short' });
    expect(varianceOf(365_000, 365_000)).toEqual({ varianceMinor: 0, direction: 'balanced' });
  });

  it('asks for a note only when the variance is beyond the tolerance, either way', () => {
    expect(needsNote(-5_000, 10_000)).toBe(false);
    expect(needsNote(10_000, 10_000)).toBe(false);
    expect(needsNote(-10_001, 10_000)).toBe(true);
    expect(needsNote(1, 0)).toBe(true);
  });

  it('stays exact for counts whose product is large', () => {
    const lines = countLines([500_000], [1_000_000]);
    expect(countedTotal(lines)).toBe(500_000_000_000);
  });

  it('reads a typed count as a whole number of notes, blank as none', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount(' ')).toBe(0);
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('-2')).toBeNull();
    expect(parseCount('2000000')).toBeNull();
  });
});
