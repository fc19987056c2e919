// `lms schedule` and `lms replay` as pure functions: JSON in, JSON out, field-named errors with exit code 1.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReplay, runSchedule } from '../../../electron/cli/engine-commands';
import { aLoanInput } from './factories';

const vectors: { id: string; terms: unknown; expected: unknown }[] = JSON.parse(
  readFileSync(path.resolve(process.cwd(), '../shared/vectors/schedules.json'), 'utf8'),
);

describe('lms schedule', () => {
  for (const vector of vectors) {
    it(`prints the schedule of ${vector.id} exactly as published`, () => {
      const out = runSchedule(JSON.stringify({ terms: vector.terms }));
      expect(out.exitCode).toBe(0);
      expect(out.stderr).toBe('');
      expect(JSON.parse(out.stdout)).toEqual(vector.expected);
    });
  }

  it('names the field and the reason for invalid terms, with exit code 1', () => {
    const out = runSchedule(JSON.stringify({ terms: { ...aLoanInput(), principal: '0' } }));
    expect(out).toEqual({ exitCode: 1, stdout: '', stderr: 'terms.principal: must be greater than 0\n' });
  });

  it('lists every problem, one per line', () => {
    const out = runSchedule(
      JSON.stringify({ terms: { ...aLoanInput(), repayments: 0, disbursementDate: '2023-02-30' } }),
    );
    expect(out.exitCode).toBe(1);
    expect(out.stderr.trim().split('\n')).toEqual([
      'terms.repayments: must be at least 1',
      'terms.disbursementDate: must be a date that exists, written YYYY-MM-DD',
    ]);
  });

  it('refuses input that is not one JSON object, and a missing terms field', () => {
    expect(runSchedule('not json')).toMatchObject({
      exitCode: 1,
      stderr: 'input: must be one JSON object\n',
    });
    expect(runSchedule('[]')).toMatchObject({ exitCode: 1 });
    expect(runSchedule('{}')).toMatchObject({ exitCode: 1, stderr: 'terms: is required\n' });
  });
});

describe('lms replay', () => {
  it('prints the state with amounts in major units', () => {
    const out = runReplay(
      JSON.stringify({
        terms: aLoanInput(),
        transactions: [
          { id: 'r1', hlc: '1', valueDate: '2024-02-15', type: 'repayment', amountMinor: 10662 },
        ],
        asOf: '2024-03-20',
      }),
    );
    expect(out.exitCode).toBe(0);
    const state = JSON.parse(out.stdout);
    expect(state).toMatchObject({ status: 'active', daysPastDue: 5, arrearsBucket: '1-30' });
    expect(state.overdue.total).toBe('106.62');
    expect(state.allocations[0]).toMatchObject({
      transactionId: 'r1',
      principal: '94.62',
      interest: '12.00',
    });
  });

  it('defaults the as-of date to the latest transaction', () => {
    const out = runReplay(
      JSON.stringify({
        terms: aLoanInput(),
        transactions: [
          { id: 'r1', hlc: '1', valueDate: '2024-02-15', type: 'repayment', amountMinor: 10662 },
        ],
      }),
    );
    expect(JSON.parse(out.stdout).asOf).toBe('2024-02-15');
  });

  it('names the transaction field that is wrong', () => {
    const out = runReplay(
      JSON.stringify({
        terms: aLoanInput(),
        transactions: [{ id: 'r1', hlc: '1', valueDate: '2024-02-30', type: 'repayment', amountMinor: 10 }],
        asOf: '2024-03-01',
      }),
    );
    expect(out).toMatchObject({
      exitCode: 1,
      stderr: 'transactions.0.valueDate: must be a date that exists, written YYYY-MM-DD\n',
    });
  });
});
