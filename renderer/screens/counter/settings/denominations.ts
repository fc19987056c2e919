// The denominations typed in the settings ("1000", "500", "0.50") as the till count wants them: positive minor
// units, each once, largest first.
import { parseCounterAmount } from '../shared/amount';

export type ParsedDenominations =
  { ok: true; values: number[] } | { ok: false; error: 'invalid' | 'duplicate' | 'empty' };

export function denominationsFromTexts(
  texts: readonly string[],
  digits: number,
  locale: string,
): ParsedDenominations {
  const values: number[] = [];
  for (const text of texts) {
    const parsed = parseCounterAmount(text, digits, locale);
    if (!parsed.ok) return { ok: false, error: 'invalid' };
    values.push(parsed.minor);
  }
  if (values.length === 0) return { ok: false, error: 'empty' };
  if (new Set(values).size !== values.length) return { ok: false, error: 'duplicate' };
  return { ok: true, values: values.sort((a, b) => b - a) };
}
