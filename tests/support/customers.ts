// Small factories for customers: `anIndividual({ ... })` and `aBusiness({ ... })` give valid onboarding input
// with only what a test cares about overridden.
import type { InputOf } from '../../shared/contract';

let counter = 0;

const firstNames = [
  'Wanjiru',
  'Otieno',
  'Akinyi',
  'Mutua',
  'Chebet',
  'Kiprop',
  'Nafula',
  'Juma',
  'Halima',
  'Baraka',
  'Zawadi',
  'Tumaini',
];
const lastNames = [
  'Kamau',
  'Odhiambo',
  'Wekesa',
  'Mwangi',
  'Njeri',
  'Omondi',
  'Kariuki',
  'Achieng',
  'Kiplagat',
  'Mohamed',
  'Nyambura',
];
const trades = [
  'Jua Kali Works',
  'Mama Mboga Traders',
  'Boda Riders',
  'Green Valley Dairy',
  'Lakeside Fish',
  'Sunrise Tailors',
  'Hilltop Hardware',
];

export function anIndividual(
  overrides: Partial<InputOf<'customers.registerIndividual'>> = {},
): InputOf<'customers.registerIndividual'> {
  counter++;
  return {
    firstName: firstNames[counter % firstNames.length]!,
    lastName: `${lastNames[(counter * 7) % lastNames.length]!}-${String.fromCharCode(65 + (counter % 26))}${counter}`,
    dateOfBirth: `19${60 + (counter % 40)}-0${1 + (counter % 9)}-1${counter % 10}`,
    gender: 'female',
    idType: 'national_id',
    idNumber: String(30_000_000 + counter),
    phone: `+2547${String(10_000_000 + counter * 7919).slice(-8)}`,
    monthlyIncomeMinor: 4_500_000,
    monthlyExpensesMinor: 2_000_000,
    ...overrides,
  };
}

export function aBusiness(
  overrides: Partial<InputOf<'customers.registerBusiness'>> = {},
): InputOf<'customers.registerBusiness'> {
  counter++;
  return {
    registeredName: `${trades[counter % trades.length]!} ${['Alpha', 'Umoja', 'Baraka', 'Neema', 'Pamoja'][counter % 5]!} ${counter * 101}`,
    registrationNumber: `PVT-${100_000 + counter}`,
    legalForm: 'limited_company',
    sector: 'Metal fabrication',
    dateEstablished: '2019-02-01',
    annualTurnoverMinor: 1_200_000_000,
    phone: `+2541${String(10_000_000 + counter * 6007).slice(-8)}`,
    people: [],
    ...overrides,
  };
}

/** The smallest valid files of each kind, by their magic bytes. */
export const files = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
  jpeg: Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  ),
};
