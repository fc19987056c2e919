// The books' merge rules. The journal itself never travels: loan and till entries are derived on each replica
// from the money events (electron/core/books). What travels is what a person decided: the chart and the
// product mappings (head-office configuration, last-writer-wins by HLC), a manual journal proposed and its
// decision (the approval carries the entry id, so every replica posts the same entry), a month closed or
// re-opened (the branch's, the later by HLC wins), and the month's provisioning entry (its lines travel: the
// figures are the ones the branch computed).
import type { AccountingPeriodsTable, GlAccountsTable, ManualJournalsTable } from '../../db/schema';
import { applyAccount, applyMapping } from '../core/books/accounts';
import { ensureChart } from '../core/books/chart';
import { postEntry, type EntryDraft } from '../core/books/journal';
import { applyJournalDecision, type JournalDecision } from '../core/books/manual';
import { applyPeriod } from '../core/books/periods';
import { applyReferralSettled, type ReferralSettlement } from '../core/customers/links';
import type { Applier } from './appliers';

export const booksAppliers: Record<string, Applier> = {
  'glAccount.saved': {
    rule: 'lww',
    async apply({ tx, now }, e) {
      await ensureChart(tx, now);
      const { account } = e.payload as { account: Omit<GlAccountsTable, 'hlc'> };
      await applyAccount(tx, { ...account, hlc: e.hlc });
    },
  },
  'glMapping.saved': {
    rule: 'lww',
    async apply({ tx }, e) {
      const p = e.payload as { productId: string; role: string; accountCode: string | null; at: string };
      await applyMapping(tx, { ...p, hlc: e.hlc });
    },
  },
  'journal.proposed': {
    rule: 'create',
    async apply({ tx }, e) {
      const { journal } = e.payload as { journal: ManualJournalsTable };
      await tx
        .insertInto('manual_journals')
        .values(journal)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
  },
  'journal.decided': {
    rule: 'owner',
    async apply({ tx }, e) {
      await applyJournalDecision(tx, e.payload as unknown as JournalDecision);
    },
  },
  'period.closed': {
    rule: 'owner',
    async apply({ tx }, e) {
      const { period } = e.payload as { period: Omit<AccountingPeriodsTable, 'hlc'> };
      await applyPeriod(tx, { ...period, hlc: e.hlc });
    },
  },
  'period.reopened': {
    rule: 'owner',
    async apply({ tx }, e) {
      const { period } = e.payload as { period: Omit<AccountingPeriodsTable, 'hlc'> };
      await applyPeriod(tx, { ...period, hlc: e.hlc });
    },
  },
  'referral.settled': {
    rule: 'fact',
    async apply({ tx }, e) {
      const s = e.payload as unknown as ReferralSettlement;
      // A settlement from before the books carried no entry: the reward is only marked settled.
      if (!s.entryId) {
        await tx
          .updateTable('referral_rewards')
          .set({ status: 'settled' })
          .where('id', '=', s.rewardId)
          .execute();
        return;
      }
      await applyReferralSettled(tx, s);
    },
  },
  'journal.reversed': {
    rule: 'fact',
    async apply({ tx, now }, e) {
      const { entry } = e.payload as { entry: EntryDraft };
      const known = await tx
        .selectFrom('journal_entries')
        .select('id')
        .where('id', '=', entry.id)
        .executeTakeFirst();
      if (known) return;
      await ensureChart(tx, now);
      await postEntry(tx, entry);
    },
  },
  'books.provisioned': {
    rule: 'fact',
    async apply({ tx, now }, e) {
      const { entry } = e.payload as { entry: EntryDraft };
      const known = await tx
        .selectFrom('journal_entries')
        .select('id')
        .where('id', '=', entry.id)
        .executeTakeFirst();
      if (known) return;
      await ensureChart(tx, now);
      await postEntry(tx, entry);
    },
  },
};
