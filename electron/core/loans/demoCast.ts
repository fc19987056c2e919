// Who takes part in the demo loans (demo.ts): the demo staff — an officer, a manager and a teller, created once
// and each given a context acting as them — the DEMO-… products, and the borrowers: the branch's customers,
// registered when too few, with a product and amount each qualifies for and their KYC completed on a first loan.
// Everything is written through the use cases (users.create, loanProducts.save, customers' demo seeding,
// documents.upload, kyc.decide), so each has its event and audit row. Not responsible for the loans themselves.
//
// Decisions:
// - Staff: the demo officer, manager and teller are created once through `users.create` with an unknown random
//   temporary password (an administrator resets it to sign in as them) and reused later. Each use case runs
//   with a context whose actor is one of them, so the audit says who did what, and four eyes hold.
// - Borrowers: at least one customer per two loans; missing ones are registered through the customers' demo
//   seeding by the demo officer before the date moves back (registration checks dates against it). A
//   borrower's KYC is completed on their first loan (placeholder scans attached by the officer, verified by the
//   manager), so applications pass eligibility without an override. When no borrower is free, a borrower
//   repaying on time takes a second loan (the eligibility check counts the first), and only then are more
//   customers registered.
import type { LoanProductsTable } from '../../../db/schema';
import type { Permission, Role } from '../../../shared/permissions';
import { appendAudit } from '../audit/log';
import { requireDevice, type Actor, type WriteCtx } from '../context';
import { seedDemoCustomers } from '../customers/demo';
import { uploadDocument } from '../customers/documents';
import { decideKyc } from '../customers/update';
import { appendEvent } from '../events/log';
import { createUser } from '../users/users';
import { checkEligibility } from './applications';
import {
  affordablePrincipalMinor,
  demoPrincipalMinor,
  demoProducts,
  type Cohort,
  type DemoProduct,
  type Random,
} from './demoPlan';
import { saveProduct } from './products';

export const demoStaff = {
  officer: { username: 'demo.officer', displayName: 'Grace Wambui (demo officer)', role: 'loan_officer' },
  manager: { username: 'demo.manager', displayName: 'Peter Kariuki (demo manager)', role: 'manager' },
  teller: { username: 'demo.teller', displayName: 'Faith Atieno (demo teller)', role: 'teller' },
} as const;
export type StaffKey = keyof typeof demoStaff;

// The smallest valid PDF and PNG: placeholder scans, stored once (content-addressed) however many borrowers.
const placeholderPdf = Buffer.from(
  '%PDF-1.4\n% Demo scan\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
).toString('base64');
const placeholderPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export interface Borrower {
  id: string;
  kind: 'individual' | 'business';
  monthlyIncomeMinor: number;
  isVerified: boolean;
  /** False once a loan of theirs was written off, or when no demo product fits them. */
  isUsable: boolean;
  /** Their loans not yet closed, rejected or written off (with the repayment behaviour once disbursed). */
  open: Set<{ cohort: Cohort | null }>;
}

export type Crew = Record<StaffKey, WriteCtx>;
export type DemoProducts = Map<string, { plan: DemoProduct; row: LoanProductsTable }>;

/** What the borrower helpers need of the seeding in progress. */
export interface Cast {
  ctx: WriteCtx;
  crew: Crew;
  random: Random;
  products: DemoProducts;
  borrowers: Map<string, Borrower>;
  /** The simulated business date, and the last one. */
  today: string;
  end: string;
  customersAdded: number;
}

// ——— Staff and products ———

/** The demo officer, manager and teller, created when missing; each as a context acting as them. */
export async function demoCrew(ctx: WriteCtx): Promise<Crew> {
  const branchId = requireDevice(ctx).branchId;
  const crew = {} as Crew;
  for (const key of Object.keys(demoStaff) as StaffKey[]) {
    const staff = demoStaff[key];
    const find = () =>
      ctx.tx
        .selectFrom('users')
        .selectAll()
        .where('branch_id', '=', branchId)
        .where('username', '=', staff.username)
        .executeTakeFirst();
    let user = await find();
    if (!user) {
      // Nobody knows this password: an administrator resets it to sign in as the demo staff member.
      await createUser(ctx, { ...staff, temporaryPassword: `Demo-${ctx.ids.token(24)}` });
      user = (await find())!;
    }
    const permissions = await ctx.tx
      .selectFrom('role_permissions')
      .select('permission_code')
      .where('role_code', '=', user.role_code)
      .execute();
    crew[key] = actingAs(ctx, {
      userId: user.id,
      username: user.username,
      role: user.role_code as Role,
      permissions: new Set(permissions.map((p) => p.permission_code as Permission)),
      sessionId: 'demo-seed',
      stage: 'active',
    });
  }
  return crew;
}

/** The same write transaction with another actor: its audit rows and events are written as the router's are. */
function actingAs(ctx: WriteCtx, actor: Actor): WriteCtx {
  const acting: WriteCtx = {
    ...ctx,
    actor,
    audit: (entry) => appendAudit(ctx.tx, acting, entry),
    emit: async (event) => (await appendEvent(ctx.tx, acting, event, requireDevice(ctx).id)).hlc,
  };
  return acting;
}

/** The DEMO-… products, saved through `saveProduct` when missing (in the branch's currency). */
export async function ensureProducts(ctx: WriteCtx, currency: string, digits: number): Promise<DemoProducts> {
  const codes = demoProducts.map((p) => p.code);
  const existing = async () =>
    ctx.tx.selectFrom('loan_products').selectAll().where('code', 'in', codes).execute();
  const have = new Set((await existing()).map((r) => r.code));
  for (const plan of demoProducts)
    if (!have.has(plan.code)) await saveProduct(ctx, plan.input(currency, digits));
  const rows = new Map((await existing()).map((r) => [r.code, r]));
  return new Map(demoProducts.map((plan) => [plan.code as string, { plan, row: rows.get(plan.code)! }]));
}

// ——— Borrowers ———

export interface Offer {
  borrower: Borrower;
  product: DemoProduct;
  productRow: LoanProductsTable;
  principalMinor: number;
  repayments: number;
}

/** A free borrower (or, when none is, one repaying on time) and a product and amount they qualify for. */
export async function findBorrower(sim: Cast): Promise<Offer | null> {
  const all = [...sim.borrowers.values()].filter((b) => b.isUsable);
  const free = all.filter((b) => b.open.size === 0);
  const pool = free.length > 0 ? free : all.filter((b) => isPerforming(b) && b.open.size === 1);
  for (let attempt = 0; attempt < 20 && pool.length > 0; attempt++) {
    const at = sim.random.int(0, pool.length - 1);
    const borrower = pool[at]!;
    pool.splice(at, 1);
    const offer = await offerFor(sim, borrower);
    if (offer) return offer;
    if (borrower.open.size === 0) borrower.isUsable = false;
  }
  return null;
}

const isPerforming = (b: Borrower) => [...b.open].every((l) => l.cohort === 'on_time');

async function offerFor(sim: Cast, borrower: Borrower): Promise<Offer | null> {
  const { random } = sim;
  const preferred: DemoProduct['code'] =
    borrower.kind === 'business'
      ? 'DEMO-BIZ-WEEKLY'
      : random.pick([
          'DEMO-PERSONAL',
          'DEMO-PERSONAL',
          'DEMO-GROUP',
          'DEMO-GROUP',
          'DEMO-BIZ-WEEKLY',
        ] as const);
  const codes = borrower.kind === 'business' ? [preferred] : [...new Set([preferred, 'DEMO-GROUP' as const])];
  for (const code of codes) {
    const { plan, row } = sim.products.get(code)!;
    const repayments = random.int(...plan.repayments);
    const step = plan.stepMajor * 10 ** row.digits;
    const cap = affordablePrincipalMinor(
      borrower.monthlyIncomeMinor,
      repayments,
      parseInt(row.default_rate, 10),
      plan.periodsPerYear,
    );
    let principalMinor = demoPrincipalMinor(random, {
      min: row.min_principal_minor,
      max: row.max_principal_minor,
      cap,
      step,
    });
    // The estimate is checked by the real rules; a smaller amount is tried when only the money does not fit.
    for (let tries = 0; principalMinor !== null && tries < 3; tries++) {
      const check = await checkEligibility(sim.ctx, {
        customerId: borrower.id,
        productId: row.id,
        principalMinor,
        repayments,
        expectedDisbursementDate: sim.today,
      });
      // KYC is completed when the application is taken; every other rule must pass as it stands.
      const failed = check.issues.length
        ? ['terms']
        : check.eligibility.results.filter((r) => !r.isPassed && r.rule !== 'kyc').map((r) => r.rule);
      if (failed.length === 0)
        return { borrower, product: plan, productRow: row, principalMinor, repayments };
      if (failed.some((r) => r !== 'affordability' && r !== 'exposure')) break;
      const half = Math.floor(principalMinor / (2 * step)) * step;
      principalMinor = half >= row.min_principal_minor ? half : null;
    }
  }
  return null;
}

export function anotherCustomer(sim: Cast, borrower: Borrower): string | null {
  const ids = [...sim.borrowers.keys()].filter((id) => id !== borrower.id);
  return ids.length > 0 ? sim.random.pick(ids) : null;
}

/** The officer attaches the scans the branch requires; the manager verifies (never the one who onboarded). */
export async function completeKyc(sim: Cast, borrower: Borrower) {
  if (borrower.isVerified) return;
  const scans =
    borrower.kind === 'business'
      ? [
          {
            kind: 'business_registration' as const,
            fileName: 'registration.pdf',
            contentBase64: placeholderPdf,
          },
        ]
      : [
          { kind: 'id_document' as const, fileName: 'national-id.pdf', contentBase64: placeholderPdf },
          { kind: 'photo' as const, fileName: 'photo.png', contentBase64: placeholderPng },
        ];
  for (const scan of scans)
    await uploadDocument(sim.crew.officer, { customerId: borrower.id, ...scan, isProfilePhoto: false });
  await decideKyc(sim.crew.manager, {
    customerId: borrower.id,
    decision: 'verified',
    note: 'Demo data: placeholder scans',
  });
  borrower.isVerified = true;
}

/** Registers demo customers (as the demo officer) until the branch has `atLeast`. */
export async function ensureCustomers(sim: Cast, atLeast: number) {
  const { n } = await sim.ctx.tx
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('branch_id', '=', requireDevice(sim.ctx).branchId)
    .executeTakeFirstOrThrow();
  const missing = atLeast - Number(n);
  if (missing <= 0) return;
  await seedDemoCustomers(sim.crew.officer, { count: missing, seed: 0 });
  sim.customersAdded += missing;
}

/** Adds the branch's customers not yet known as borrowers; those with open loans or an expiring ID are not used. */
export async function loadBorrowers(sim: Cast) {
  const branchId = requireDevice(sim.ctx).branchId;
  const busy = new Set(
    (
      await sim.ctx.tx
        .selectFrom('loans')
        .select('customer_id')
        .where('status', 'not in', ['closed', 'rejected', 'withdrawn'])
        .execute()
    ).map((l) => l.customer_id),
  );
  const rows = await sim.ctx.tx
    .selectFrom('customers')
    .select(['id', 'kind', 'kyc_status', 'id_expiry_date', 'monthly_income_minor', 'annual_turnover_minor'])
    .where('branch_id', '=', branchId)
    .orderBy('customer_no')
    .execute();
  for (const c of rows) {
    if (sim.borrowers.has(c.id)) continue;
    const monthlyIncomeMinor =
      c.kind === 'business' ? Math.floor((c.annual_turnover_minor ?? 0) / 12) : (c.monthly_income_minor ?? 0);
    sim.borrowers.set(c.id, {
      id: c.id,
      kind: c.kind,
      monthlyIncomeMinor,
      isVerified: c.kyc_status === 'verified',
      isUsable:
        !busy.has(c.id) &&
        monthlyIncomeMinor > 0 &&
        (c.kyc_status === 'verified' || c.kyc_status === 'pending') &&
        !(c.id_expiry_date !== null && c.id_expiry_date <= sim.end),
      open: new Set(),
    });
  }
}
