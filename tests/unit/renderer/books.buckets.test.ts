import { describe, expect, it } from 'vitest';
import {
  bucketsToText,
  parseRatePercent,
  textToBuckets,
} from '../../../renderer/screens/books/settings/bucketValues';

const row = (name: string, fromDays: string, toDays: string, ratePercent: string) => ({
  name,
  fromDays,
  toDays,
  ratePercent,
});

describe('the provisioning buckets as typed', () => {
  it('reads whole days, an empty upper bound as none, and the rate as a decimal string, sorted by first day', () => {
    const parsed = textToBuckets([row('Loss', '181', '', '100'), row('Current', '0', '180', '2,5')]);
    expect(parsed).toMatchObject({
      ok: true,
      buckets: [
        { name: 'Current', fromDays: 0, toDays: 180, ratePercent: '2.5' },
        { name: 'Loss', fromDays: 181, toDays: null, ratePercent: '100' },
      ],
    });
    if (parsed.ok) expect(parsed.rows.map((r) => r.name)).toEqual(['Current', 'Loss']);
  });

  it('names each field it cannot read by row', () => {
    expect(textToBuckets([row('', 'x', '3.5', '101')])).toEqual({
      ok: false,
      errors: {
        '0.name': 'required',
        '0.fromDays': 'wholeDays',
        '0.toDays': 'wholeDays',
        '0.ratePercent': 'rate',
      },
    });
  });

  it('takes rates from 0 to 100 with at most four decimals', () => {
    expect(parseRatePercent('0')).toBe('0');
    expect(parseRatePercent('100.0')).toBe('100.0');
    expect(parseRatePercent('100.01')).toBeNull();
    expect(parseRatePercent('12.34567')).toBeNull();
    expect(parseRatePercent('-5')).toBeNull();
  });

  it('shows the saved buckets back as text', () => {
    expect(bucketsToText([{ name: 'Loss', fromDays: 181, toDays: null, ratePercent: '100' }])).toEqual([
      row('Loss', '181', '', '100'),
    ]);
  });
});
