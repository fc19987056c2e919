// Every published schedule vector (Apache Fineract's figures) reproduced to the minor unit, by the engine and
// through the CLI function.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchedule } from '../../../shared/loan';
import { formatMajor } from '../../../shared/money';

interface Vector {
  id: string;
  terms: Record<string, unknown> & { digits: number };
  expected: {
    installments: {
      n: number;
      due: string;
      principal: string;
      interest: string;
      total: string;
      balance: string;
    }[];
    totals: { principal: string; interest: string; total: string };
  };
}

const vectors: Vector[] = JSON.parse(
  readFileSync(path.resolve(process.cwd(), '../shared/vectors/schedules.json'), 'utf8'),
);

describe('published schedule vectors', () => {
  it('are present', () => {
    expect(vectors.length).toBeGreaterThan(0);
  });

  for (const vector of vectors) {
    it(`reproduces ${vector.id} to the minor unit`, () => {
      const result = generateSchedule(vector.terms);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const d = vector.terms.digits;
      const got = result.value.installments.map((i) => ({
        n: i.n,
        due: i.dueDate,
        principal: formatMajor(i.principalMinor, d),
        interest: formatMajor(i.interestMinor, d),
        total: formatMajor(i.totalMinor, d),
        balance: formatMajor(i.balanceAfterMinor, d),
      }));
      expect(got).toEqual(vector.expected.installments);
      const t = result.value.totals;
      expect({
        principal: formatMajor(t.principalMinor, d),
        interest: formatMajor(t.interestMinor, d),
        total: formatMajor(t.totalMinor, d),
      }).toEqual(vector.expected.totals);
    });
  }
});
