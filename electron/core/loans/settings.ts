// Loan settings at the branch: reminder timing and message templates (one pair per language), the notes and
// coins a till count offers, and the till variance a manager may accept without a note. Stored as the
// 'loans' settings group (read with its defaults filled in; a change is an event and an audit row).
// Not responsible for using them (reminders.ts, till/tills.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { fieldError, type LoanSettings, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';
import { settingsGroup } from '../settings/store';

/** The placeholders a reminder template may use (reminders.ts fills them in). */
export const reminderPlaceholders = ['name', 'amount', 'dueDate', 'accountNo'] as const;

export const defaultLoanSettings: LoanSettings = {
  reminderDaysAhead: 3,
  reminderTemplates: {
    en: {
      dueSoon:
        'Dear {{name}}, your loan {{accountNo}} installment of {{amount}} is due on {{dueDate}}. Please pay on time. Thank you.',
      overdue:
        'Dear {{name}}, your loan {{accountNo}} has {{amount}} overdue since {{dueDate}}. Please pay today or visit the branch.',
    },
    fr: {
      dueSoon:
        'Cher(e) {{name}}, l’échéance de {{amount}} de votre prêt {{accountNo}} est due le {{dueDate}}. Merci de payer à temps.',
      overdue:
        'Cher(e) {{name}}, votre prêt {{accountNo}} a {{amount}} d’impayés depuis le {{dueDate}}. Merci de régler aujourd’hui ou de passer à l’agence.',
    },
  },
  // Kenyan shilling notes (1000, 500, 200, 100, 50) and coins (20, 10, 5, 1), in cents.
  denominations: [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 100],
  tillVarianceToleranceMinor: 0,
};

const group = settingsGroup('loans', defaultLoanSettings);

export const loanSettingsOf = (db: Kysely<Database>): Promise<LoanSettings> => group.read(db);

function checkTemplates(templates: LoanSettings['reminderTemplates']) {
  if (!templates.en)
    throw fieldError('reminderTemplates.en', 'an English template is required (the fallback)');
  const known = new Set<string>(reminderPlaceholders);
  for (const [language, pair] of Object.entries(templates)) {
    if (!/^[a-z]{2}$/.test(language)) {
      throw fieldError(`reminderTemplates.${language}`, 'must be a two-letter language code');
    }
    for (const [kind, text] of Object.entries(pair)) {
      for (const match of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
        if (!known.has(match[1]!)) {
          throw fieldError(
            `reminderTemplates.${language}.${kind}`,
            `{{${match[1]}}} is not a placeholder (use ${reminderPlaceholders.map((p) => `{{${p}}}`).join(', ')})`,
          );
        }
      }
    }
  }
}

export async function readLoanSettings(
  ctx: Ctx,
  _input: ParsedInputOf<'loanSettings.read'>,
): Promise<OutputOf<'loanSettings.read'>> {
  return loanSettingsOf(ctx.db);
}

export async function updateLoanSettings(
  ctx: WriteCtx,
  input: ParsedInputOf<'loanSettings.update'>,
): Promise<OutputOf<'loanSettings.update'>> {
  const changes: Partial<LoanSettings> = { ...input };
  if (input.reminderTemplates) checkTemplates(input.reminderTemplates);
  // The count grid lists each note or coin once, largest first.
  if (input.denominations) changes.denominations = [...new Set(input.denominations)].sort((a, b) => b - a);
  return group.update(ctx, changes);
}
