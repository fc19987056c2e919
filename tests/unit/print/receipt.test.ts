import { beforeAll, describe, expect, it } from 'vitest';
import { renderReceipt, type ReceiptData } from '../../../electron/core/print';
import { pdfText, pdfWords } from './pdfText';

function aReceipt(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    institutionName: 'Optifluence Microfinance',
    branch: { code: 'NBO01', name: 'Nairobi Central', timeZone: 'Africa/Nairobi' },
    receiptNo: 'NBO01-D2-000123',
    postedAt: '2026-03-14T10:25:31.000Z',
    valueDate: '2026-03-14',
    tellerName: 'Ирина Петрова',
    customer: { number: 'NBO01-D2-000042', name: 'Zoë Ñúñez Øster' },
    loan: { accountNo: 'NBO01-D2-L000007', productName: 'Biashara 6 months' },
    kind: 'repayment',
    channel: 'cash',
    currency: 'KES',
    digits: 2,
    amountMinor: 1234567,
    allocation: {
      principalMinor: 1000000,
      interestMinor: 200000,
      feesMinor: 30000,
      penaltiesMinor: 4567,
      creditMinor: 0,
    },
    balanceAfter: { principalMinor: 4000000, totalOutstandingMinor: 4523400 },
    language: 'en',
    ...overrides,
  };
}

describe('the counter receipt', () => {
  // The usual receipt is rendered once and read by several tests: each checks one thing about it. A French one
  // is printed before it on purpose: its Ç is drawn from the C glyph, and the next receipt's C must still read
  // back as C (document.ts explains why it might not).
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    await renderReceipt(aReceipt({ language: 'fr', receiptNo: 'NBO01-D2-000122' }));
    pdf = await renderReceipt(aReceipt());
    text = pdfText(pdf);
  });

  it('prints who, what and how much, in figures and in words', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text).toContain('REPAYMENT RECEIPT');
    expect(text).toContain('NBO01-D2-000123');
    expect(text).toContain('Nairobi Central (NBO01)');
    expect(text).toContain('2026-03-14 13:25 GMT+3'); // posted at 10:25 UTC, printed in Nairobi time
    expect(text).toContain('NBO01-D2-L000007');
    expect(text).toContain('KES 12,345.67');
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Twelve thousand three hundred forty-five and 67/100 Kenyan shillings',
    );
    expect(text).toContain('Customer signature');
    expect(text).toContain('Teller signature');
  });

  it('prints names in any script as written', () => {
    expect(text).toContain('Zoë Ñúñez Øster');
    expect(text).toContain('Ирина Петрова');
  });

  it('shows how the payment was allocated and the balance left', () => {
    expect(text).toMatch(/Penalties\s+45\.67/);
    expect(text).toMatch(/Fees\s+300\.00/);
    expect(text).toMatch(/Interest\s+2,000\.00/);
    expect(text).toMatch(/Principal\s+10,000\.00/);
    expect(text).toMatch(/Total\s+12,345\.67/);
    expect(text).toMatch(/Principal outstanding\s+40,000\.00/);
    expect(text).toMatch(/Total outstanding\s+45,234\.00/);
  });

  it('renders the same data to the same bytes, whatever was printed in between', async () => {
    // A French receipt writes Ç, whose glyph is built from C: the next receipt must not depend on that.
    const customer = { number: 'NBO01-D2-000043', name: 'François Çelik Ωμέγα' };
    await renderReceipt(aReceipt({ language: 'fr', customer, receiptNo: 'NBO01-D2-000124' }));
    const again = await renderReceipt(aReceipt());

    expect(again.equals(pdf)).toBe(true);
  });

  it('is dated from the posting, not from the clock', () => {
    const raw = pdf.toString('latin1');

    expect(raw).toMatch(/\/CreationDate \d+ 0 R/);
    expect(raw).toContain('(D:20260314102531Z)');
  });

  it('is a single page of an 80 mm roll, as tall as its content', async () => {
    const text = (await renderReceipt(aReceipt({ reversalNote: 'Posted twice. '.repeat(20) }))).toString(
      'latin1',
    );

    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/MediaBox \[0 0 226\.77\d* \d+(\.\d+)?\]/);
  });

  it('prints a French receipt for a transfer', async () => {
    const pdf = await renderReceipt(
      aReceipt({ language: 'fr', channel: 'transfer', transferReference: 'MPESA QX12AB34' }),
    );
    const words = pdfWords(pdf);

    expect(words).toContain('REÇU DE REMBOURSEMENT');
    expect(words).toContain('Virement');
    expect(words).toContain('MPESA QX12AB34');
    expect(words).toContain('KES 12 345,67');
    expect(words).toContain('Douze mille trois cent quarante-cinq et 67/100 shillings kényans');
  });

  it('prints a reversal with its reason', async () => {
    const words = pdfWords(await renderReceipt(aReceipt({ kind: 'reversal', reversalNote: 'Posted twice' })));

    expect(words).toContain('REVERSAL RECEIPT');
    expect(words).toContain('Amount reversed');
    expect(words).toContain('Reason for reversal Posted twice');
  });

  it('prints a disbursement without an allocation, in a currency without minor units', async () => {
    const words = pdfWords(
      await renderReceipt(
        aReceipt({
          kind: 'disbursement',
          currency: 'UGX',
          digits: 0,
          amountMinor: 1500000,
          allocation: {
            principalMinor: 0,
            interestMinor: 0,
            feesMinor: 0,
            penaltiesMinor: 0,
            creditMinor: 0,
          },
          balanceAfter: { principalMinor: 1500000, totalOutstandingMinor: 1650000 },
        }),
      ),
    );

    expect(words).toContain('Amount paid out');
    expect(words).toContain('UGX 1,500,000');
    expect(words).toContain('One million five hundred thousand Ugandan shillings');
    expect(words).not.toContain('Allocation');
  });

  it('refuses to print an allocation that does not add up to the amount', async () => {
    const allocation = { ...aReceipt().allocation, interestMinor: 199999 };

    await expect(renderReceipt(aReceipt({ allocation }))).rejects.toThrow(/adds up to 1234566/);
  });

  it('refuses a zero, negative or fractional amount', async () => {
    await expect(renderReceipt(aReceipt({ amountMinor: 0 }))).rejects.toThrow(RangeError);
    await expect(renderReceipt(aReceipt({ kind: 'disbursement', amountMinor: -5 }))).rejects.toThrow(
      RangeError,
    );
    await expect(renderReceipt(aReceipt({ kind: 'disbursement', amountMinor: 10.5 }))).rejects.toThrow(
      RangeError,
    );
  });
});
