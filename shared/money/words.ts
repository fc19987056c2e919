// Amounts in English words for receipts ("five thousand euros and twenty-five cents"). Responsible for the
// wording only; not for locales other than English (a receipt in another language brings its own speller).

const ones = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const scales = ['', 'thousand', 'million', 'billion', 'trillion'];

interface CurrencyWords {
  digits: number;
  major: [string, string];
  minor: [string, string];
}

const currencies: Record<string, CurrencyWords> = {
  EUR: { digits: 2, major: ['euro', 'euros'], minor: ['cent', 'cents'] },
  USD: { digits: 2, major: ['dollar', 'dollars'], minor: ['cent', 'cents'] },
  GBP: { digits: 2, major: ['pound', 'pounds'], minor: ['penny', 'pence'] },
  KES: { digits: 2, major: ['shilling', 'shillings'], minor: ['cent', 'cents'] },
  UGX: { digits: 0, major: ['shilling', 'shillings'], minor: ['', ''] },
  XOF: { digits: 0, major: ['franc', 'francs'], minor: ['', ''] },
  INR: { digits: 2, major: ['rupee', 'rupees'], minor: ['paisa', 'paise'] },
};

function belowThousand(n: number): string {
  const parts: string[] = [];
  const hundreds = Math.trunc(n / 100);
  const rest = n % 100;
  if (hundreds > 0) parts.push(`${ones[hundreds]} hundred`);
  if (rest > 0) {
    if (rest < 20) parts.push(ones[rest]!);
    else parts.push(tens[Math.trunc(rest / 10)]! + (rest % 10 ? `-${ones[rest % 10]}` : ''));
  }
  return parts.join(' and ');
}

/** A whole number in English words: 1234 → "one thousand two hundred and thirty-four". */
export function numberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a whole amount: ${value}`);
  if (value === 0) return 'zero';
  const groups: string[] = [];
  let rest = value;
  for (let scale = 0; rest > 0; scale++) {
    const group = rest % 1000;
    rest = Math.trunc(rest / 1000);
    if (group === 0) continue;
    if (scale >= scales.length) throw new RangeError(`amount too large to spell: ${value}`);
    groups.unshift(belowThousand(group) + (scales[scale] ? ` ${scales[scale]}` : ''));
  }
  return groups.join(' ');
}

/**
 * An amount in minor units in words, for receipts: (500025, 'EUR') → "five thousand euros and twenty-five cents".
 * Unknown currencies are spelled with their code ("1 200 XYZ" → "one thousand two hundred XYZ").
 */
export function amountInWords(amountMinor: number, currency: string, digits?: number): string {
  const known = currencies[currency];
  const d = digits ?? known?.digits ?? 2;
  const negative = amountMinor < 0;
  const abs = Math.abs(amountMinor);
  const factor = 10 ** d;
  const major = Math.trunc(abs / factor);
  const minor = abs % factor;
  const majorName = known ? known.major[major === 1 ? 0 : 1] : currency;
  let text = `${numberInWords(major)} ${majorName}`;
  if (minor > 0) {
    const minorName =
      known && known.minor[0] ? known.minor[minor === 1 ? 0 : 1] : `minor units of ${currency}`;
    text += ` and ${numberInWords(minor)} ${minorName}`;
  }
  return negative ? `minus ${text}` : text;
}
