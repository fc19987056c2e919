// Demo and scale data: realistic customers — names in several scripts, valid Kenyan phone numbers, national
// ID and registration numbers, businesses with directors — registered through the same use cases as the
// window, so every one of them has its event, audit row and search entry. Deterministic for a given seed.
import { fakerAR, fakerEN_NG, fakerFR, fakerZH_CN, type Faker } from '@faker-js/faker';
import type { InputOf, OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { WriteCtx } from '../context';
import { registerBusiness, registerIndividual } from './register';

const kenyanFirst = [
  'Wanjiru',
  'Akinyi',
  'Chebet',
  'Nafula',
  'Halima',
  'Zawadi',
  'Njeri',
  'Atieno',
  'Wambui',
  'Jepkosgei',
  'Otieno',
  'Mutua',
  'Kiprop',
  'Juma',
  'Baraka',
  'Kamau',
  'Omondi',
  'Mwangi',
  'Kipchoge',
  'Onyango',
];
const kenyanLast = [
  'Kamau',
  'Odhiambo',
  'Wekesa',
  'Mwangi',
  'Njoroge',
  'Omondi',
  'Kariuki',
  'Achieng',
  'Kiplagat',
  'Mohamed',
  'Nyambura',
  'Ochieng',
  'Kiprotich',
  'Wanyama',
  'Maina',
  'Chepkoech',
  'Barasa',
  'Mutiso',
  'Gitau',
  'Abdi',
];
const sectors = [
  'Retail',
  'Agriculture',
  'Transport',
  'Tailoring',
  'Food vending',
  'Hardware',
  'Dairy',
  'Fishing',
  'Salon',
  'Construction',
];
const occupations = [
  'Trader',
  'Farmer',
  'Teacher',
  'Boda boda rider',
  'Tailor',
  'Nurse',
  'Mechanic',
  'Hairdresser',
  'Shopkeeper',
  'Carpenter',
];
const legalForms = ['sole_proprietorship', 'partnership', 'limited_company', 'cooperative'] as const;

function nameFor(i: number): { firstName: string; lastName: string } {
  const pick = i % 20;
  if (pick < 12)
    return {
      firstName: kenyanFirst[(i * 7) % kenyanFirst.length]!,
      lastName: kenyanLast[(i * 13) % kenyanLast.length]!,
    };
  const locale = pick < 15 ? fakerEN_NG : pick < 17 ? fakerFR : pick < 19 ? fakerAR : fakerZH_CN;
  locale.seed(i);
  return { firstName: locale.person.firstName(), lastName: locale.person.lastName() };
}

function isoDate(f: Faker, from: string, to: string): string {
  return f.date
    .between({ from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` })
    .toISOString()
    .slice(0, 10);
}

/** The n-th demo individual (n counts from the device's existing customers, so numbers never collide). */
export function demoIndividual(n: number, f: Faker): InputOf<'customers.registerIndividual'> {
  f.seed(n);
  const income = f.number.int({ min: 8_000, max: 250_000 }) * 100;
  return {
    ...nameFor(n),
    dateOfBirth: isoDate(f, '1955-01-01', '2004-12-31'),
    gender: f.helpers.arrayElement(['female', 'male'] as const),
    idType: 'national_id',
    idNumber: String(20_000_000 + n),
    idExpiryDate: isoDate(f, '2026-12-01', '2035-12-31'),
    phone: `+25471${String(n % 10_000_000).padStart(7, '0')}`,
    occupation: f.helpers.arrayElement(occupations),
    monthlyIncomeMinor: income,
    // Whole percent of a whole hundred of minor units: an exact integer, no float.
    monthlyExpensesMinor: (income / 100) * f.number.int({ min: 30, max: 90 }),
    city: f.helpers.arrayElement(['Nairobi', 'Kisumu', 'Mombasa', 'Nakuru', 'Eldoret', 'Thika']),
    duplicateOverrideReason: 'Generated demo data',
  };
}

export function demoBusiness(
  n: number,
  f: Faker,
  people: ParsedInputOf<'customers.registerBusiness'>['people'],
): InputOf<'customers.registerBusiness'> {
  f.seed(n);
  const owner = nameFor(n);
  return {
    registeredName: `${owner.lastName} ${f.helpers.arrayElement(sectors)} ${f.helpers.arrayElement(['Enterprises', 'Traders', 'Ventures', 'Cooperative'])} ${n}`,
    registrationNumber: `BN-${String(n).padStart(7, '0')}`,
    legalForm: f.helpers.arrayElement(legalForms),
    sector: f.helpers.arrayElement(sectors),
    dateEstablished: isoDate(f, '1995-01-01', '2025-12-31'),
    annualTurnoverMinor: f.number.int({ min: 200_000, max: 50_000_000 }) * 100,
    phone: `+25472${String(n % 10_000_000).padStart(7, '0')}`,
    people,
    duplicateOverrideReason: 'Generated demo data',
  };
}

/** Registers `count` customers, one business in ten with one or two directors from the individuals before it. */
export async function seedDemoCustomers(
  ctx: WriteCtx,
  input: ParsedInputOf<'customers.seedDemo'>,
): Promise<OutputOf<'customers.seedDemo'>> {
  const existing = await ctx.tx
    .selectFrom('counters')
    .select('next_value')
    .where('name', '=', 'customer_no')
    .executeTakeFirst();
  const start = (existing?.next_value ?? 1) + input.seed * 1_000_000;
  const recent: string[] = [];
  let individuals = 0;
  let businesses = 0;
  const { fakerEN: f } = await import('@faker-js/faker');
  for (let i = 0; i < input.count; i++) {
    const n = start + i;
    if (i % 10 === 9 && recent.length >= 2) {
      const people = [
        { customerId: recent[recent.length - 1]!, role: 'owner' as const, shareBasisPoints: 6000 },
        { customerId: recent[recent.length - 2]!, role: 'director' as const },
      ];
      await registerBusiness(ctx, {
        ...demoBusiness(n, f, people),
        people,
      } as ParsedInputOf<'customers.registerBusiness'>);
      businesses++;
    } else {
      const c = await registerIndividual(
        ctx,
        demoIndividual(n, f) as ParsedInputOf<'customers.registerIndividual'>,
      );
      recent.push(c.id);
      if (recent.length > 20) recent.shift();
      individuals++;
    }
  }
  return { individuals, businesses };
}
