// A loan's engine terms (the JSON the core fixed, shared/loan termsSchema) in readable words: which terms to show
// and, for each, an i18n key with its parameters (or the raw value). Pure, so it is unit-tested; a term the
// screen does not know is still shown, raw, rather than hidden.
export type Phrase =
  | { key: string; params?: Record<string, string | number | Phrase> }
  | { raw: string }
  /** A business date (YYYY-MM-DD), formatted by the screen. */
  | { date: string }
  /** An amount in major units as the engine writes it ("500.00"), formatted by the screen. */
  | { major: string; currency: string };
export interface TermLine {
  /** i18n key of the term's label, under `loans.term.` */
  term: string;
  text: Phrase;
}

type Terms = Record<string, unknown>;

const asRecord = (v: unknown): Terms | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Terms) : null;
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** A charge: a flat amount in major units ("500") or a percentage ({ percent: "2" }). */
function charge(c: Terms, currency: string): Phrase {
  if (str(c.percent)) return { key: 'loans.termText.percent', params: { percent: str(c.percent)! } };
  return { major: str(c.amount) ?? '?', currency };
}

const known = new Set([
  'principal',
  'currency',
  'digits',
  'rounding',
  'inMultiplesOf',
  'annualRate',
  'interestMethod',
  'amortization',
  'repayments',
  'every',
  'frequency',
  'dayCount',
  'interestPeriod',
  'brokenPeriodInterest',
  'disbursementDate',
  'firstRepaymentDate',
  'graceOnPrincipal',
  'graceOnInterest',
  'interestFreePeriods',
  'fees',
  'penalties',
  'calendar',
  'allocation',
  'prepayment',
]);

export function describeTerms(terms: Terms): TermLine[] {
  const lines: TermLine[] = [];
  const currency = str(terms.currency) ?? '';
  const add = (term: string, text: Phrase | null) => text && lines.push({ term, text });
  const choice = (term: string, value: unknown) =>
    str(value) ? add(term, { key: `loans.termText.${term}.${str(value)}` }) : null;

  if (str(terms.principal)) add('principal', { major: str(terms.principal)!, currency });
  if (str(terms.annualRate))
    add('annualRate', { key: 'loans.termText.rate', params: { rate: str(terms.annualRate)! } });
  choice('interestMethod', terms.interestMethod);
  choice('amortization', terms.amortization);
  if (num(terms.repayments) !== null) {
    const every = num(terms.every) ?? 1;
    add('repayments', {
      key: 'loans.termText.repayments',
      params: {
        count: num(terms.repayments)!,
        every: { key: `loans.frequency.${str(terms.frequency) ?? 'months'}`, params: { count: every } },
      },
    });
  }
  choice('dayCount', terms.dayCount);
  choice('interestPeriod', terms.interestPeriod);
  choice('brokenPeriodInterest', terms.brokenPeriodInterest);
  if (str(terms.disbursementDate)) add('disbursementDate', { date: str(terms.disbursementDate)! });
  if (str(terms.firstRepaymentDate)) add('firstRepaymentDate', { date: str(terms.firstRepaymentDate)! });
  for (const grace of ['graceOnPrincipal', 'graceOnInterest', 'interestFreePeriods'] as const) {
    const n = num(terms[grace]);
    if (n) add(grace, { key: 'loans.termText.periods', params: { count: n } });
  }
  const fees = asRecord(terms.fees);
  const disbursementFee = asRecord(fees?.disbursement);
  if (disbursementFee) {
    const mode = str(disbursementFee.mode) ?? 'collected';
    add('disbursementFee', {
      key: `loans.termText.fee.${mode}`,
      params: { charge: charge(disbursementFee, currency) },
    });
  }
  const perInstallment = asRecord(fees?.perInstallment);
  if (perInstallment) add('installmentFee', charge(perInstallment, currency));
  const penalties = asRecord(terms.penalties);
  const lateFee = asRecord(penalties?.lateFee);
  if (lateFee)
    add('lateFee', {
      key: 'loans.termText.lateFee',
      params: { charge: charge(lateFee, currency), days: num(lateFee.graceDays) ?? 0 },
    });
  if (str(penalties?.annualRate))
    add('penaltyRate', { key: 'loans.termText.rate', params: { rate: str(penalties?.annualRate)! } });
  if (str(penalties?.arrearsTolerance))
    add('arrearsTolerance', { major: str(penalties?.arrearsTolerance)!, currency });
  choice('allocation', terms.allocation);
  choice('prepayment', terms.prepayment);
  choice('rounding', terms.rounding);
  if (str(terms.inMultiplesOf)) add('inMultiplesOf', { major: str(terms.inMultiplesOf)!, currency });
  const calendar = asRecord(terms.calendar);
  if (calendar) choice('calendarPolicy', calendar.policy);

  for (const [key, value] of Object.entries(terms))
    if (!known.has(key) && value !== undefined) add(key, { raw: JSON.stringify(value) });
  return lines;
}

export interface PhraseFormat {
  date(date: string): string;
  major(amount: string, currency: string): string;
}

/** A phrase in words, its nested phrases first (a charge inside "deducted from the amount paid out"). */
export function say(
  phrase: Phrase,
  t: (key: string, params?: Record<string, unknown>) => string,
  format: PhraseFormat,
): string {
  if ('raw' in phrase) return phrase.raw;
  if ('date' in phrase) return format.date(phrase.date);
  if ('major' in phrase) return format.major(phrase.major, phrase.currency);
  const params = Object.fromEntries(
    Object.entries(phrase.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? say(v, t, format) : v]),
  );
  return t(phrase.key, params);
}
