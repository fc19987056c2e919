// The customer's loan statement (issue 7): "pdfkit renders a plain page in about 3 ms here: a two-year loan
// statement (about three pages, with the embedded font) in under 50 ms". Baseline, measured in the same run: a
// plain one-page pdfkit document (one line of Helvetica, nothing embedded). Subject: `reports.loanStatement`
// through the core — validation, permission, reading the loan, the engine's replay on every transaction date,
// the layout with DejaVu Sans embedded — for a two-year loan (24 monthly installments, about 30 transactions:
// each installment, a few paid late with their late fee, part payments and a reversal), built through the use
// cases on a real ledger.
import { randomUUID } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { aLoanBranch } from '../support/loans';
import { removeDir } from '../support/ledger';
import { compare, time, type BenchResult } from './harness';

const day = 24 * 60;

/** A plain page: what pdfkit costs with no embedded font and almost no content. */
function plainPage(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(12).text('Umoja Microfinance — Nairobi Central (NBO)', 72, 72);
    doc.end();
  });
}

/** A two-year loan with its history, posted through the use cases; returns it with a manager's session. */
async function aTwoYearLoan() {
  const b = await aLoanBranch();
  const loan = await b.anActiveLoan({ principalMinor: 20_000_000, repayments: 24 });
  const signIn = async (username: string, password: string) =>
    (await b.ok('auth.signIn', { username, password })).sessionToken;
  const repay = async (amountMinor: number, reference: string) =>
    b.ok(
      'loans.repay',
      { loanId: loan.id, amountMinor, channel: 'transfer', reference, idempotencyKey: randomUUID() },
      await signIn('kamau', 'Teller-Counter-2026'),
    );
  let today = Date.parse(`${loan.disbursedOn!}T08:00:00Z`);
  const moveTo = (date: string, lateDays = 0) => {
    const target = Date.parse(`${date}T08:00:00Z`) + lateDays * day * 60_000;
    b.clock.advanceMs(target - today);
    today = target;
  };
  for (const [k, installment] of loan.schedule.entries()) {
    const isLate = k % 6 === 4; // four installments paid a week late: a late fee each, paid first
    moveTo(installment.dueDate, isLate ? 7 : 0);
    const teller = await signIn('kamau', 'Teller-Counter-2026');
    const due = await b.ok('loans.quote', { loanId: loan.id, amountMinor: 0 }, teller);
    if (due.dueTodayMinor > 0) await repay(due.dueTodayMinor, `MPESA-${k + 1}`);
    if (k % 8 === 2) await repay(100_000, `EXTRA-${k + 1}`); // a little more, now and then
    if (k === 12) {
      const mistake = await repay(25_000, 'MPESA-WRONG');
      await b.ok(
        'loans.reverse',
        {
          transactionId: mistake.transactionId,
          reason: 'Paid to the wrong loan',
          idempotencyKey: randomUUID(),
        },
        await signIn('wanjiru', 'Manager-Desk-2026'),
      );
    }
  }
  return { b, loanId: loan.id, manager: await signIn('wanjiru', 'Manager-Desk-2026') };
}

export async function statementBenchmarks(): Promise<BenchResult[]> {
  const { b, loanId, manager } = await aTwoYearLoan();
  try {
    // Measured right before the subject, so both see the machine in the same state.
    const baseline = await time('plain one-page pdfkit document (Helvetica, nothing embedded)', plainPage, {
      iterations: 300,
      warmup: 30,
    });
    const transactions = await b.ledger.db
      .selectFrom('loan_transactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('loan_id', '=', loanId)
      .executeTakeFirstOrThrow();
    const statement = () => b.ok('reports.loanStatement', { loanId }, manager);
    const pdf = Buffer.from((await statement()).base64, 'base64').toString('latin1');
    const pages = (pdf.match(/\/Type \/Page\b/g) ?? []).length;
    const subject = await time('reports.loanStatement through the core: a two-year loan', statement, {
      iterations: 100,
      warmup: 10,
    });
    subject.name += ` (24 installments, ${Number(transactions.n)} transactions, ${pages} pages)`;
    return [
      { ...baseline },
      compare(subject, baseline, { text: 'under 50 ms', isMet: (r) => r.subject.p50Ms < 50 }),
    ];
  } finally {
    await b.close();
    removeDir(b.dir);
  }
}
