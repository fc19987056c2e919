// Amounts in words for printed receipts and vouchers, in English or French. Responsible for the banking wording
// below; not for the figures (format.ts) nor for languages other than English and French.
//
// The format is the one cheques use, so a teller can read it aloud and nobody can alter it with a pen:
//   currency with minor units: "<whole units in words> and <minor>/<10^digits> <currency name, plural>"
//     12345.67 KES → "Twelve thousand three hundred forty-five and 67/100 Kenyan shillings"
//     12345.67 KES → "Douze mille trois cent quarante-cinq et 67/100 shillings kényans"          (fr)
//     1.500 KWD    → "One and 500/1000 Kuwaiti dinars"
//   currency without minor units (digits 0): "<whole units in words> <currency name>"
//     1500000 UGX  → "One million five hundred thousand Ugandan shillings"
//     1000000 UGX  → "Un million de shillings ougandais"                                         (fr)
//   a negative amount starts with "Minus" / "Moins".
// The minor part is always printed as figures over the power of ten, "00/100" included, as on a cheque.
// Numbers are spelled by n2words (American English: no "and" inside numbers; French: traditional spelling,
// "quatre-vingts", "deux cents"). The currency's name agrees with the amount by the language's plural rules
// (CLDR, through Intl.PluralRules): English "1.00 dollars" is plural, French "1,50 euro" is singular.
//
// Money never passes through a float: the amount is split into whole and minor units with BigInt arithmetic.
import { toCardinal as englishCardinal } from 'n2words/en-US';
import { toCardinal as frenchCardinal } from 'n2words/fr-FR';

export type PrintLanguage = 'en' | 'fr';

interface CurrencyName {
  one: string;
  other: string;
}

/**
 * Names of the currencies our branches handle, in the singular and plural. A currency missing here is named by
 * the runtime's CLDR data (Intl), and failing that by its ISO code.
 */
const currencyNames: Record<PrintLanguage, Readonly<Record<string, CurrencyName>>> = {
  en: {
    BIF: { one: 'Burundian franc', other: 'Burundian francs' },
    CDF: { one: 'Congolese franc', other: 'Congolese francs' },
    ETB: { one: 'Ethiopian birr', other: 'Ethiopian birrs' },
    EUR: { one: 'euro', other: 'euros' },
    GBP: { one: 'British pound', other: 'British pounds' },
    GHS: { one: 'Ghanaian cedi', other: 'Ghanaian cedis' },
    GNF: { one: 'Guinean franc', other: 'Guinean francs' },
    KES: { one: 'Kenyan shilling', other: 'Kenyan shillings' },
    KWD: { one: 'Kuwaiti dinar', other: 'Kuwaiti dinars' },
    MAD: { one: 'Moroccan dirham', other: 'Moroccan dirhams' },
    MGA: { one: 'Malagasy ariary', other: 'Malagasy ariaries' },
    MWK: { one: 'Malawian kwacha', other: 'Malawian kwachas' },
    MZN: { one: 'Mozambican metical', other: 'Mozambican meticals' },
    NGN: { one: 'Nigerian naira', other: 'Nigerian nairas' },
    RWF: { one: 'Rwandan franc', other: 'Rwandan francs' },
    TND: { one: 'Tunisian dinar', other: 'Tunisian dinars' },
    TZS: { one: 'Tanzanian shilling', other: 'Tanzanian shillings' },
    UGX: { one: 'Ugandan shilling', other: 'Ugandan shillings' },
    USD: { one: 'US dollar', other: 'US dollars' },
    XAF: { one: 'Central African CFA franc', other: 'Central African CFA francs' },
    XOF: { one: 'West African CFA franc', other: 'West African CFA francs' },
    ZMW: { one: 'Zambian kwacha', other: 'Zambian kwachas' },
  },
  fr: {
    BIF: { one: 'franc burundais', other: 'francs burundais' },
    CDF: { one: 'franc congolais', other: 'francs congolais' },
    ETB: { one: 'birr éthiopien', other: 'birrs éthiopiens' },
    EUR: { one: 'euro', other: 'euros' },
    GBP: { one: 'livre sterling', other: 'livres sterling' },
    GHS: { one: 'cedi ghanéen', other: 'cedis ghanéens' },
    GNF: { one: 'franc guinéen', other: 'francs guinéens' },
    KES: { one: 'shilling kényan', other: 'shillings kényans' },
    KWD: { one: 'dinar koweïtien', other: 'dinars koweïtiens' },
    MAD: { one: 'dirham marocain', other: 'dirhams marocains' },
    MGA: { one: 'ariary malgache', other: 'ariarys malgaches' },
    MWK: { one: 'kwacha malawite', other: 'kwachas malawites' },
    MZN: { one: 'metical mozambicain', other: 'meticais mozambicains' },
    NGN: { one: 'naira nigérian', other: 'nairas nigérians' },
    RWF: { one: 'franc rwandais', other: 'francs rwandais' },
    TND: { one: 'dinar tunisien', other: 'dinars tunisiens' },
    TZS: { one: 'shilling tanzanien', other: 'shillings tanzaniens' },
    UGX: { one: 'shilling ougandais', other: 'shillings ougandais' },
    USD: { one: 'dollar des États-Unis', other: 'dollars des États-Unis' },
    XAF: { one: 'franc CFA (BEAC)', other: 'francs CFA (BEAC)' },
    XOF: { one: 'franc CFA (BCEAO)', other: 'francs CFA (BCEAO)' },
    ZMW: { one: 'kwacha zambien', other: 'kwachas zambiens' },
  },
};

const wording: Record<PrintLanguage, { cardinal: (n: bigint) => string; and: string; minus: string }> = {
  en: { cardinal: (n) => englishCardinal(n), and: 'and', minus: 'minus' },
  fr: { cardinal: (n) => frenchCardinal(n), and: 'et', minus: 'moins' },
};

/** ISO 4217 has currencies with 0 to 4 minor digits (CLF has 4). */
const maxDigits = 4;

/**
 * An amount in minor units in words, in the banking format described at the top of this file:
 * `amountInWords(1234567, 'KES', 2, 'en')` → "Twelve thousand three hundred forty-five and 67/100 Kenyan shillings".
 * Throws a RangeError for an amount that is not a safe integer, digits outside 0–4 or a malformed currency code.
 */
export function amountInWords(
  amountMinor: number,
  currency: string,
  digits: number,
  language: PrintLanguage,
): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`not a whole number of minor units: ${amountMinor}`);
  }
  if (!Number.isInteger(digits) || digits < 0 || digits > maxDigits) {
    throw new RangeError(`a currency has 0 to ${maxDigits} minor digits, not ${digits}`);
  }
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`not an ISO 4217 currency code: ${currency}`);

  const words = wording[language];
  const magnitude = BigInt(Math.abs(amountMinor));
  const scale = 10n ** BigInt(digits);
  const major = magnitude / scale;
  const minor = magnitude % scale;

  const name = currencyName(currency, language, digits, major);
  let text = words.cardinal(major);
  if (digits > 0) {
    text += ` ${words.and} ${minor.toString().padStart(digits, '0')}/${scale} ${name}`;
  } else {
    text += ` ${frenchMillionsTakeDe(language, major) ? deBefore(name) : ''}${name}`;
  }
  if (amountMinor < 0) text = `${words.minus} ${text}`;
  return capitalise(text, language);
}

/**
 * The currency's name in the grammatical number the amount asks for. The plural rule is chosen with the
 * currency's digits because they change it: English "1 shilling" but "1.00 shillings".
 */
function currencyName(currency: string, language: PrintLanguage, digits: number, major: bigint): string {
  // `major` came from a safe integer, so Number() is exact; the rule only looks at the count.
  const plural = pluralRules(language, digits).select(Number(major));
  const known = currencyNames[language][currency];
  if (known) return plural === 'one' ? known.one : known.other;
  return cldrCurrencyName(currency, language, digits, major);
}

const pluralRulesCache = new Map<string, Intl.PluralRules>();
function pluralRules(language: PrintLanguage, digits: number): Intl.PluralRules {
  const key = `${language}:${digits}`;
  let rules = pluralRulesCache.get(key);
  if (!rules) {
    // 'many' (French "un million de …") is handled explicitly below; here only one/other matter.
    rules = new Intl.PluralRules(language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    pluralRulesCache.set(key, rules);
  }
  return rules;
}

/** A currency we have no name for, named by the runtime's CLDR data; its ISO code when CLDR has none either. */
function cldrCurrencyName(currency: string, language: PrintLanguage, digits: number, major: bigint): string {
  try {
    const parts = new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      currencyDisplay: 'name',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).formatToParts(major);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** French puts "de" between a round number of millions (or more) and the noun: "un million de francs". */
function frenchMillionsTakeDe(language: PrintLanguage, major: bigint): boolean {
  return language === 'fr' && major > 0n && major % 1_000_000n === 0n;
}

function deBefore(noun: string): string {
  return /^[aeiouyéèêàâîôû]/i.test(noun) ? "d'" : 'de ';
}

function capitalise(text: string, language: PrintLanguage): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}
