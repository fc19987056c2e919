// The customers part of the contract: onboarding individuals and businesses, duplicate checks, search, profile
// edits with history, KYC (four eyes), documents, relationships, communications, referrals and credit scores.
import { z } from 'zod';
import { method, ok } from './method';
import { businessDate, instant, minor, optionalText, text, uuid } from './schemas';

export const idTypes = ['national_id', 'passport', 'driving_licence', 'alien_id', 'voter_id'] as const;
export const legalForms = [
  'sole_proprietorship',
  'partnership',
  'limited_company',
  'cooperative',
  'ngo',
  'other',
] as const;
export const documentKinds = [
  'id_document',
  'photo',
  'proof_of_address',
  'payslip',
  'business_registration',
  'tax_certificate',
  'bank_statement',
  'other',
] as const;
export const relationshipKinds = [
  'guarantor',
  'spouse',
  'next_of_kin',
  'owner_director',
  'employer',
] as const;
export const kycStatuses = ['pending', 'verified', 'rejected', 'expired'] as const;

const contactFields = {
  phone: text(32),
  phoneAlt: optionalText(32),
  email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.email('is not a valid e-mail address').optional()),
  address: optionalText(200),
  city: optionalText(80),
  region: optionalText(80),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code')
    .optional(),
};

export const individualFields = z.object({
  firstName: text(80),
  middleName: optionalText(80),
  lastName: text(80),
  dateOfBirth: businessDate,
  gender: z.enum(['female', 'male', 'other', 'undisclosed']),
  idType: z.enum(idTypes),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{4,20}$/, 'must be 4–20 letters, digits or dashes'),
  idExpiryDate: businessDate.optional(),
  occupation: optionalText(80),
  employer: optionalText(120),
  monthlyIncomeMinor: minor.optional(),
  monthlyExpensesMinor: minor.optional(),
  ...contactFields,
});
export type IndividualFields = z.infer<typeof individualFields>;

export const businessFields = z.object({
  registeredName: text(160),
  registrationNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9/-]{3,30}$/, 'must be 3–30 letters, digits, dashes or slashes'),
  legalForm: z.enum(legalForms),
  sector: text(80),
  dateEstablished: businessDate,
  annualTurnoverMinor: minor.optional(),
  ...contactFields,
});
export type BusinessFields = z.infer<typeof businessFields>;

const onboarding = {
  referredByCustomerId: uuid.optional(),
  /** Given when the officer proceeds despite a likely duplicate; audited. */
  duplicateOverrideReason: z
    .string()
    .trim()
    .min(5, 'must say why (at least 5 characters)')
    .max(500)
    .optional(),
};

export const businessPerson = z.object({
  customerId: uuid,
  role: z.enum(['owner', 'director', 'contact']),
  shareBasisPoints: z.number().int().min(0).max(10_000, 'must be at most 100%').optional(),
});

export const customerSummary = z.object({
  id: uuid,
  customerNo: z.string(),
  kind: z.enum(['individual', 'business']),
  displayName: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  kycStatus: z.enum(kycStatuses),
  createdAt: instant,
});
export type CustomerSummary = z.infer<typeof customerSummary>;

const documentView = z.object({
  id: uuid,
  kind: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: instant,
});

const relationshipView = z.object({
  id: uuid,
  kind: z.enum(relationshipKinds),
  direction: z.enum(['outgoing', 'incoming']),
  other: customerSummary,
  note: z.string().nullable(),
  createdAt: instant,
});

const scoreView = z.object({
  score: z.number().int(),
  band: z.string(),
  factors: z.array(
    z.object({
      factor: z.string(),
      value: z.string(),
      points: z.number().int(),
      maxPoints: z.number().int(),
      reason: z.string(),
    }),
  ),
  computedAt: instant,
  computedBy: z.string(),
});

export const customerProfile = customerSummary.extend({
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  lastName: z.string().nullable(),
  gender: z.string().nullable(),
  idType: z.string().nullable(),
  idExpiryDate: z.string().nullable(),
  occupation: z.string().nullable(),
  employer: z.string().nullable(),
  monthlyIncomeMinor: z.number().int().nullable(),
  monthlyExpensesMinor: z.number().int().nullable(),
  registeredName: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  legalForm: z.string().nullable(),
  sector: z.string().nullable(),
  dateEstablished: z.string().nullable(),
  annualTurnoverMinor: z.number().int().nullable(),
  phoneAlt: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  photoDocumentId: z.string().nullable(),
  referredBy: customerSummary.nullable(),
  kyc: z.object({
    status: z.enum(kycStatuses),
    decidedBy: z.string().nullable(),
    decidedAt: instant.nullable(),
    note: z.string().nullable(),
    requiredDocuments: z.array(z.string()),
    missingDocuments: z.array(z.string()),
    canDecide: z.boolean(),
  }),
  createdBy: z.string(),
  updatedAt: instant,
  people: z.array(
    z.object({ role: z.string(), shareBasisPoints: z.number().int().nullable(), person: customerSummary }),
  ),
  memberOf: z.array(
    z.object({ role: z.string(), shareBasisPoints: z.number().int().nullable(), business: customerSummary }),
  ),
  relationships: z.array(relationshipView),
  documents: z.array(documentView),
  latestScore: scoreView.nullable(),
});
export type CustomerProfile = z.infer<typeof customerProfile>;

export const customerSettings = z.object({
  minimumAge: z.number().int().min(16).max(30),
  defaultCountry: z.string().regex(/^[A-Z]{2}$/),
  maxDocumentBytes: z
    .number()
    .int()
    .min(100_000)
    .max(50 * 1024 * 1024),
  requiredDocuments: z.object({
    individual: z.array(z.enum(documentKinds)),
    business: z.array(z.enum(documentKinds)),
  }),
  referralRewardMinor: minor,
  scoreWeights: z.object({
    repaymentHistory: z.number().int().min(0).max(100),
    arrears: z.number().int().min(0).max(100),
    affordability: z.number().int().min(0).max(100),
    tenure: z.number().int().min(0).max(100),
    kyc: z.number().int().min(0).max(100),
    businessAge: z.number().int().min(0).max(100),
  }),
});
export type CustomerSettings = z.infer<typeof customerSettings>;

const duplicateMatch = z.object({ customer: customerSummary, why: z.string() });

export const customerMethods = {
  'customers.search': method({
    description: 'Search as you type by name, ID number, phone or customer number, with filters; paged.',
    access: 'customers.read',
    kind: 'query',
    input: z.object({
      query: z.string().max(100).default(''),
      kind: z.enum(['individual', 'business']).optional(),
      kycStatus: z.enum(kycStatuses).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }),
    output: z.object({ rows: z.array(customerSummary), total: z.number().int().nullable() }),
  }),
  'customers.get': method({
    description: 'A customer’s whole profile: details, KYC, people, relationships, documents and score.',
    access: 'customers.read',
    kind: 'query',
    input: z.object({ customerId: uuid }),
    output: customerProfile,
  }),
  'customers.checkDuplicates': method({
    description:
      'Customers that are, or look like, the one being onboarded (same ID, similar name and birth date, same phone).',
    access: 'customers.write',
    kind: 'query',
    input: z.object({
      firstName: z.string().max(80).optional(),
      lastName: z.string().max(80).optional(),
      dateOfBirth: businessDate.optional(),
      phone: z.string().max(32).optional(),
      idType: z.enum(idTypes).optional(),
      idNumber: z.string().max(20).optional(),
      registrationNumber: z.string().max(30).optional(),
      registeredName: z.string().max(160).optional(),
    }),
    output: z.object({ exact: duplicateMatch.nullable(), likely: z.array(duplicateMatch) }),
  }),
  'customers.registerIndividual': method({
    description:
      'Onboard an individual customer; refuses a used ID number, asks for a reason on a likely duplicate.',
    access: 'customers.write',
    kind: 'mutation',
    input: individualFields.extend(onboarding),
    output: customerSummary,
  }),
  'customers.registerBusiness': method({
    description:
      'Onboard a business customer with its owners, directors and contact persons (existing individuals).',
    access: 'customers.write',
    kind: 'mutation',
    input: businessFields.extend({ ...onboarding, people: z.array(businessPerson).max(50).default([]) }),
    output: customerSummary,
  }),
  'customers.update': method({
    description: 'Edit profile fields; each change keeps the previous value in the profile’s history.',
    access: 'customers.write',
    kind: 'mutation',
    input: z.object({
      customerId: uuid,
      changes: individualFields.partial().merge(businessFields.partial()).strict(),
    }),
    output: customerProfile,
  }),
  'customers.history': method({
    description: 'Every field change of a customer, newest first, with who changed it.',
    access: 'customers.read',
    kind: 'query',
    input: z.object({ customerId: uuid }),
    output: z.array(
      z.object({
        field: z.string(),
        oldValue: z.string().nullable(),
        newValue: z.string().nullable(),
        changedBy: z.string(),
        changedAt: instant,
      }),
    ),
  }),
  'customers.activity': method({
    description: 'The audit trail of one customer (who did what to the profile, when).',
    access: 'customers.read',
    kind: 'query',
    input: z.object({ customerId: uuid }),
    output: z.array(
      z.object({
        at: instant,
        username: z.string().nullable(),
        action: z.string(),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
  'customers.getSettings': method({
    description:
      'Onboarding rules: minimum age, default country, document limits, required KYC documents, referral reward, score weights.',
    access: 'customers.read',
    kind: 'query',
    input: z.object({}).strict(),
    output: customerSettings,
  }),
  'customers.updateSettings': method({
    description: 'Change the onboarding rules.',
    access: 'settings.manage',
    kind: 'mutation',
    input: customerSettings.partial(),
    output: customerSettings,
  }),
  'kyc.decide': method({
    description:
      'Verify or reject a customer’s KYC; the verifier must not be the officer who created the profile.',
    access: 'kyc.verify',
    kind: 'mutation',
    input: z.object({
      customerId: uuid,
      decision: z.enum(['verified', 'rejected']),
      note: z.string().trim().max(500).optional(),
    }),
    output: customerProfile,
  }),
  'kyc.listExpiring': method({
    description: 'Customers whose ID document has expired or expires within the given number of days.',
    access: 'customers.read',
    kind: 'query',
    input: z.object({ withinDays: z.number().int().min(0).max(3650).default(30) }),
    output: z.array(customerSummary.extend({ idExpiryDate: z.string() })),
  }),
  'kyc.expireOverdue': method({
    description:
      'Mark verified customers whose ID document has expired as "expired" (they need re-verification).',
    access: 'kyc.verify',
    kind: 'mutation',
    input: z.object({}).strict(),
    output: z.object({ expired: z.number().int() }),
  }),
  'documents.upload': method({
    description: 'Attach a scan (PDF, JPEG or PNG, checked by content) to a customer; stored by its SHA-256.',
    access: 'customers.write',
    kind: 'mutation',
    input: z.object({
      customerId: uuid,
      kind: z.enum(documentKinds),
      fileName: z.string().trim().min(1, 'is required').max(200),
      contentBase64: z
        .string()
        .min(1, 'is required')
        .max(70 * 1024 * 1024, 'is too large'),
      isProfilePhoto: z.boolean().default(false),
    }),
    output: documentView,
  }),
  'documents.get': method({
    description: 'A document’s metadata and content, for preview.',
    access: 'customers.read',
    kind: 'query',
    input: z.object({ documentId: uuid }),
    output: documentView.extend({ contentBase64: z.string() }),
  }),
  'relationships.add': method({
    description: 'Link two customers (guarantor, spouse, next of kin, owner/director, employer).',
    access: 'customers.write',
    kind: 'mutation',
    input: z.object({
      customerId: uuid,
      relatedCustomerId: uuid,
      kind: z.enum(relationshipKinds),
      note: optionalText(300),
    }),
    output: relationshipView,
  }),
  'relationships.remove': method({
    description: 'End a relationship between two customers (kept in the history).',
    access: 'customers.write',
    kind: 'mutation',
    input: z.object({ relationshipId: uuid }),
    output: ok,
  }),
  'communications.log': method({
    description: 'Record a call, visit, SMS or e-mail with a customer.',
    access: 'customers.write',
    kind: 'mutation',
    input: z.object({
      customerId: uuid,
      channel: z.enum(['call', 'visit', 'sms', 'email']),
      direction: z.enum(['inbound', 'outbound']),
      subject: text(160),
      note: optionalText(4000),
      occurredAt: z.iso.datetime({ message: 'must be a date and time', offset: true }).optional(),
    }),
    output: z.object({ id: uuid }),
  }),
  'communications.list': method({
    description: 'A customer’s communication history, newest first.',
    access: 'customers.read',
    kind: 'query',
    input: z.object({ customerId: uuid }),
    output: z.array(
      z.object({
        id: uuid,
        channel: z.string(),
        direction: z.string(),
        subject: z.string(),
        note: z.string().nullable(),
        staff: z.string().nullable(),
        isSystem: z.boolean(),
        occurredAt: instant,
      }),
    ),
  }),
  'referrals.list': method({
    description: 'Referral rewards: pending (referred customer has no disbursed loan yet), earned, settled.',
    access: 'customers.read',
    kind: 'query',
    input: z.object({ status: z.enum(['pending', 'earned', 'settled']).optional() }),
    output: z.array(
      z.object({
        id: uuid,
        referrer: customerSummary,
        referred: customerSummary,
        amountMinor: z.number().int(),
        status: z.enum(['pending', 'earned', 'settled']),
        earnedAt: instant.nullable(),
        settledAt: instant.nullable(),
      }),
    ),
  }),
  'referrals.settle': method({
    description: 'Record that an earned referral reward has been paid to the referrer.',
    access: 'loans.manage',
    kind: 'mutation',
    input: z.object({ rewardId: uuid }),
    output: ok,
  }),
  'scores.compute': method({
    description:
      'Compute the customer’s credit score with the scorecard, factor by factor, and keep it in the history.',
    access: 'customers.read',
    kind: 'mutation',
    input: z.object({ customerId: uuid }),
    output: scoreView,
  }),
  'customers.seedDemo': method({
    description:
      'Fill the branch with realistic demo customers (through the same onboarding rules); for demos and benchmarks.',
    access: 'settings.manage',
    kind: 'mutation',
    input: z.object({
      count: z.number().int().min(1).max(5000),
      seed: z.number().int().min(0).max(1000).default(0),
    }),
    output: z.object({ individuals: z.number().int(), businesses: z.number().int() }),
  }),
  'scores.history': method({
    description: 'A customer’s past credit scores, newest first.',
    access: 'customers.read',
    kind: 'query',
    input: z.object({ customerId: uuid }),
    output: z.array(scoreView),
  }),
};
