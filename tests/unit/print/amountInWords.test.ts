import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../../electron/core/print';

describe('an amount in words, as a cheque writes it', () => {
  it('spells zero, one cent and one shilling with the minor part as a fraction', () => {
    expect(amountInWords(0, 'KES', 2, 'en')).toBe('Zero and 00/100 Kenyan shillings');
    expect(amountInWords(1, 'KES', 2, 'en')).toBe('Zero and 01/100 Kenyan shillings');
    expect(amountInWords(100, 'KES', 2, 'en')).toBe('One and 00/100 Kenyan shillings');
  });

  it('spells thousands and millions without a stray "and" inside the number', () => {
    expect(amountInWords(1234567, 'KES', 2, 'en')).toBe(
      'Twelve thousand three hundred forty-five and 67/100 Kenyan shillings',
    );
    expect(amountInWords(100000550, 'USD', 2, 'en')).toBe('One million five and 50/100 US dollars');
  });

  it('spells the largest amount a minor-unit integer can hold', () => {
    expect(amountInWords(Number.MAX_SAFE_INTEGER, 'KES', 2, 'en')).toBe(
      'Ninety trillion seventy-one billion nine hundred ninety-two million five hundred forty-seven thousand ' +
        'four hundred nine and 91/100 Kenyan shillings',
    );
  });

  it('has no fraction for a currency without minor units, and a singular for exactly one', () => {
    expect(amountInWords(1500000, 'UGX', 0, 'en')).toBe(
      'One million five hundred thousand Ugandan shillings',
    );
    expect(amountInWords(1, 'UGX', 0, 'en')).toBe('One Ugandan shilling');
  });

  it('writes the minor part over a thousand for a three-digit currency', () => {
    expect(amountInWords(1500, 'KWD', 3, 'en')).toBe('One and 500/1000 Kuwaiti dinars');
    expect(amountInWords(12345678, 'KWD', 3, 'en')).toBe(
      'Twelve thousand three hundred forty-five and 678/1000 Kuwaiti dinars',
    );
  });

  it('writes French with its own spelling and agreement', () => {
    expect(amountInWords(1234567, 'KES', 2, 'fr')).toBe(
      'Douze mille trois cent quarante-cinq et 67/100 shillings kényans',
    );
    expect(amountInWords(8000, 'XOF', 0, 'fr')).toBe('Huit mille francs CFA (BCEAO)');
    expect(amountInWords(80, 'XOF', 0, 'fr')).toBe('Quatre-vingts francs CFA (BCEAO)');
    expect(amountInWords(1, 'UGX', 0, 'fr')).toBe('Un shilling ougandais');
    expect(amountInWords(150, 'EUR', 2, 'fr')).toBe('Un et 50/100 euro');
  });

  it('puts "de" between a round number of millions and the currency in French', () => {
    expect(amountInWords(1000000, 'UGX', 0, 'fr')).toBe('Un million de shillings ougandais');
    expect(amountInWords(2000000, 'EUR', 0, 'fr')).toBe("Deux millions d'euros");
  });

  it('says minus before a negative amount', () => {
    expect(amountInWords(-500, 'USD', 2, 'en')).toBe('Minus five and 00/100 US dollars');
    expect(amountInWords(-500, 'USD', 2, 'fr')).toBe('Moins cinq et 00/100 dollars des États-Unis');
  });

  it('names a currency it has no entry for from CLDR, or by its code', () => {
    expect(amountInWords(12345, 'MUR', 2, 'en')).toBe('One hundred twenty-three and 45/100 Mauritian rupees');
    expect(amountInWords(12345, 'XYZ', 2, 'en')).toBe('One hundred twenty-three and 45/100 XYZ');
  });

  it('refuses fractions of a minor unit, impossible digits and malformed currency codes', () => {
    expect(() => amountInWords(12.5, 'KES', 2, 'en')).toThrow(RangeError);
    expect(() => amountInWords(2 ** 53, 'KES', 2, 'en')).toThrow(RangeError);
    expect(() => amountInWords(100, 'KES', 5, 'en')).toThrow(RangeError);
    expect(() => amountInWords(100, 'kes', 2, 'en')).toThrow(RangeError);
  });
});
