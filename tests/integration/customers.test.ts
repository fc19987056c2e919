// Customers on a real ledger: onboarding rules, duplicates, KYC with four eyes, documents checked by content,
// relationships, communications, referrals, scores, field history, search — each an event and an audit row.
import { afterEach, describe, expect, it } from 'vitest';
import { aBranch, aStaffMember, removeDir, type TestBranch } from '../support/ledger';
import { aBusiness, anIndividual, files } from '../support/customers';

const opened: TestBranch[] = [];
async function branchWithOfficers() {
  const b = await aBranch();
  opened.push(b);
  const officer = await aStaffMember(b, {
    username: 'otieno',
    role: 'loan_officer',
    password: 'Officer-Field-2026',
  });
  const second = await aStaffMember(b, {
    username: 'achieng',
    role: 'loan_officer',
    password: 'Officer-Desk-2026',
  });
  return { ...b, officer: officer.token, second: second.token };
}
afterEach(async () => {
  for (const b of opened.splice(0)) {
    await b.close();
    removeDir(b.dir);
  }
});

describe('onboarding an individual', () => {
  it('gives a BRANCH-DEVICE-counter number, stores the phone in E.164, and appends an event and an audit row', async () => {
    const b = await branchWithOfficers();
    const first = await b.ok(
      'customers.registerIndividual',
      anIndividual({ phone: '0712 345 678' }),
      b.officer,
    );
    const second = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    expect(first.customerNo).toBe('NBO-01-000001');
    expect(second.customerNo).toBe('NBO-01-000002');
    expect(first.phone).toBe('+254712345678');
    const event = await b.ledger.db
      .selectFrom('events')
      .selectAll()
      .where('entity_id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(event.type).toBe('customer.registered');
    expect(JSON.parse(event.payload)).toMatchObject({ customer_no: 'NBO-01-000001', phone: '+254712345678' });
    const audit = await b.ledger.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'customer.registered', username: 'otieno' });
  });

  it('stores names in any script as given, and never interprets them', async () => {
    const b = await branchWithOfficers();
    const names = [
      { firstName: 'Zoë', lastName: 'Ndiaye-Müller' },
      { firstName: 'فاطمة', lastName: 'الزهراء' },
      { firstName: '王', lastName: '秀英' },
      { firstName: "Robert'); DROP TABLE customers;--", lastName: '<script>alert(1)</script>' },
    ];
    for (const n of names) {
      const c = await b.ok('customers.registerIndividual', anIndividual(n), b.officer);
      const profile = await b.ok('customers.get', { customerId: c.id }, b.officer);
      expect(profile.firstName).toBe(n.firstName);
      expect(profile.lastName).toBe(n.lastName);
    }
    expect((await b.ok('customers.search', { query: 'zoe' }, b.officer)).rows[0]!.displayName).toBe(
      'Zoë Ndiaye-Müller',
    );
    expect((await b.ok('customers.search', { query: 'فاطمة' }, b.officer)).rows).toHaveLength(1);
    expect((await b.ok('customers.search', { query: 'DROP TABLE' }, b.officer)).rows).toHaveLength(1);
    expect((await b.ok('customers.search', { query: '"*' }, b.officer)).rows.length).toBeGreaterThanOrEqual(
      0,
    );
  });

  it.each([
    [{ dateOfBirth: '2099-01-01' }, 'dateOfBirth', 'date_in_future'],
    [{ dateOfBirth: '2010-06-01' }, 'dateOfBirth', 'under_age'],
    [{ phone: '12345' }, 'phone', 'invalid_phone'],
    [{ email: 'not-an-email' }, 'email', 'invalid_input'],
    [{ dateOfBirth: '2023-02-30' }, 'dateOfBirth', 'invalid_input'],
    [{ idNumber: 'ab' }, 'idNumber', 'invalid_input'],
    [{ monthlyIncomeMinor: 12.5 }, 'monthlyIncomeMinor', 'invalid_input'],
  ] as const)('refuses %o on the field %s, and changes nothing', async (override, path, reason) => {
    const b = await branchWithOfficers();
    const before = await b.ledger.db.selectFrom('events').selectAll().execute();
    const r = await b.call('customers.registerIndividual', anIndividual(override as never), b.officer);
    expect(r.error).toMatchObject({ code: 'VALIDATION', reason });
    expect(r.error!.issues![0]!.path).toBe(path);
    expect(await b.ledger.db.selectFrom('customers').selectAll().execute()).toHaveLength(0);
    expect(await b.ledger.db.selectFrom('events').selectAll().execute()).toEqual(before);
  });

  it('applies a configured minimum age', async () => {
    const b = await branchWithOfficers();
    await b.ok('customers.updateSettings', { minimumAge: 21 }, b.adminToken);
    const r = await b.call(
      'customers.registerIndividual',
      anIndividual({ dateOfBirth: '2006-01-01' }),
      b.officer,
    );
    expect(r.error?.issues?.[0]?.message).toMatch(/at least 21 years/);
  });
});

describe('duplicate detection', () => {
  it('refuses the same ID number, naming the customer who has it', async () => {
    const b = await branchWithOfficers();
    const first = await b.ok(
      'customers.registerIndividual',
      anIndividual({ idNumber: '12345678' }),
      b.officer,
    );
    const r = await b.call(
      'customers.registerIndividual',
      anIndividual({ idNumber: '12345678', firstName: 'Other' }),
      b.officer,
    );
    expect(r.error).toMatchObject({
      code: 'CONFLICT',
      reason: 'duplicate_id',
      issues: [{ path: 'idNumber' }],
    });
    expect(r.error!.message).toContain(first.customerNo);
  });

  it('shows a likely duplicate (similar name, same birth date) and proceeds only with a reason, audited', async () => {
    const b = await branchWithOfficers();
    const first = await b.ok(
      'customers.registerIndividual',
      anIndividual({ firstName: 'Amina', lastName: 'Njoroge', dateOfBirth: '1988-03-03' }),
      b.officer,
    );
    const similar = anIndividual({ firstName: 'Aminah', lastName: 'Njoroge', dateOfBirth: '1988-03-03' });
    const check = await b.ok('customers.checkDuplicates', similar, b.officer);
    expect(check.likely.map((m) => [m.customer.id, m.why])).toEqual([
      [first.id, 'similar name and same date of birth'],
    ]);
    const refused = await b.call('customers.registerIndividual', similar, b.officer);
    expect(refused.error).toMatchObject({ code: 'CONFLICT', reason: 'likely_duplicate' });
    const second = await b.ok(
      'customers.registerIndividual',
      { ...similar, duplicateOverrideReason: 'Cousins with the same birthday; IDs checked' },
      b.officer,
    );
    const audit = await b.ledger.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', second.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details).duplicateOverrideReason).toBe(
      'Cousins with the same birthday; IDs checked',
    );
  });

  it('shows a customer with the same phone as a likely duplicate', async () => {
    const b = await branchWithOfficers();
    await b.ok('customers.registerIndividual', anIndividual({ phone: '+254722000111' }), b.officer);
    const r = await b.call(
      'customers.registerIndividual',
      anIndividual({ phone: '0722 000 111', firstName: 'Baraka', dateOfBirth: '1970-01-01' }),
      b.officer,
    );
    expect(r.error?.reason).toBe('likely_duplicate');
    expect(r.error?.message).toContain('same phone number');
  });
});

describe('businesses', () => {
  it('links owners and directors as individual customers with their shares', async () => {
    const b = await branchWithOfficers();
    const owner = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const director = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const biz = await b.ok(
      'customers.registerBusiness',
      aBusiness({
        people: [
          { customerId: owner.id, role: 'owner', shareBasisPoints: 6000 },
          { customerId: director.id, role: 'director' },
        ],
      }),
      b.officer,
    );
    const profile = await b.ok('customers.get', { customerId: biz.id }, b.officer);
    expect(profile.people.map((p) => [p.person.id, p.role, p.shareBasisPoints])).toEqual([
      [owner.id, 'owner', 6000],
      [director.id, 'director', null],
    ]);
    expect((await b.ok('customers.get', { customerId: owner.id }, b.officer)).memberOf[0]!.business.id).toBe(
      biz.id,
    );
  });

  it('refuses a used registration number, shares over 100 %, a business as a director, a future founding date', async () => {
    const b = await branchWithOfficers();
    const owner = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const first = await b.ok(
      'customers.registerBusiness',
      aBusiness({ registrationNumber: 'CPR/2019/123' }),
      b.officer,
    );
    expect(
      (
        await b.call(
          'customers.registerBusiness',
          aBusiness({ registrationNumber: 'cpr/2019/123' }),
          b.officer,
        )
      ).error,
    ).toMatchObject({
      reason: 'duplicate_registration',
      issues: [{ path: 'registrationNumber' }],
    });
    expect(
      (
        await b.call(
          'customers.registerBusiness',
          aBusiness({ people: [{ customerId: owner.id, role: 'owner', shareBasisPoints: 10_001 }] }),
          b.officer,
        )
      ).error?.code,
    ).toBe('VALIDATION');
    expect(
      (
        await b.call(
          'customers.registerBusiness',
          aBusiness({
            people: [
              { customerId: owner.id, role: 'owner', shareBasisPoints: 6000 },
              { customerId: owner.id, role: 'contact', shareBasisPoints: 0 },
              { customerId: first.id, role: 'director' },
            ],
          }),
          b.officer,
        )
      ).error?.reason,
    ).toBe('not_an_individual');
    expect(
      (await b.call('customers.registerBusiness', aBusiness({ dateEstablished: '2099-01-01' }), b.officer))
        .error?.reason,
    ).toBe('date_in_future');
  });
});

describe('KYC', () => {
  async function withDocuments(b: Awaited<ReturnType<typeof branchWithOfficers>>) {
    const c = await b.ok(
      'customers.registerIndividual',
      anIndividual({ idExpiryDate: '2030-01-01' }),
      b.officer,
    );
    await b.ok(
      'documents.upload',
      {
        customerId: c.id,
        kind: 'id_document',
        fileName: 'id.pdf',
        contentBase64: files.pdf.toString('base64'),
      },
      b.officer,
    );
    await b.ok(
      'documents.upload',
      {
        customerId: c.id,
        kind: 'photo',
        fileName: 'face.png',
        contentBase64: files.png.toString('base64'),
        isProfilePhoto: true,
      },
      b.officer,
    );
    return c;
  }

  it('is verified by a second officer, never by the one who onboarded the customer', async () => {
    const b = await branchWithOfficers();
    const c = await withDocuments(b);
    expect((await b.ok('customers.get', { customerId: c.id }, b.officer)).kyc.canDecide).toBe(false);
    const own = await b.call('kyc.decide', { customerId: c.id, decision: 'verified' }, b.officer);
    expect(own.error).toMatchObject({ code: 'FORBIDDEN', reason: 'four_eyes' });
    const verified = await b.ok(
      'kyc.decide',
      { customerId: c.id, decision: 'verified', note: 'Original ID seen' },
      b.second,
    );
    expect(verified.kyc).toMatchObject({
      status: 'verified',
      decidedBy: 'achieng',
      note: 'Original ID seen',
      missingDocuments: [],
    });
  });

  it('cannot be verified while a required document is missing', async () => {
    const b = await branchWithOfficers();
    const c = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const r = await b.call('kyc.decide', { customerId: c.id, decision: 'verified' }, b.second);
    expect(r.error).toMatchObject({ code: 'CONFLICT', reason: 'kyc_documents_missing' });
    expect(r.error!.message).toContain('id_document, photo');
    expect(
      (await b.ok('kyc.decide', { customerId: c.id, decision: 'rejected', note: 'No ID' }, b.second)).kyc
        .status,
    ).toBe('rejected');
  });

  it('lists expiring IDs and expires verified customers whose ID has expired', async () => {
    const b = await branchWithOfficers();
    const c = await withDocuments(b);
    await b.ok('kyc.decide', { customerId: c.id, decision: 'verified' }, b.second);
    await b.ok('customers.update', { customerId: c.id, changes: { idExpiryDate: '2026-12-10' } }, b.officer);
    expect((await b.ok('kyc.listExpiring', { withinDays: 30 }, b.officer)).map((x) => x.id)).toEqual([c.id]);
    expect(await b.ok('kyc.listExpiring', { withinDays: 10 }, b.officer)).toEqual([]);
    await b.ok('customers.update', { customerId: c.id, changes: { idExpiryDate: '2026-11-01' } }, b.officer);
    expect(await b.ok('kyc.expireOverdue', {}, b.second)).toEqual({ expired: 1 });
    expect((await b.ok('customers.get', { customerId: c.id }, b.officer)).kycStatus).toBe('expired');
  });
});

describe('documents', () => {
  it('stores the content once by SHA-256 and returns it byte for byte', async () => {
    const b = await branchWithOfficers();
    const c = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const doc = await b.ok(
      'documents.upload',
      {
        customerId: c.id,
        kind: 'id_document',
        fileName: 'Scan.JPG',
        contentBase64: files.jpeg.toString('base64'),
      },
      b.officer,
    );
    expect(doc).toMatchObject({ mimeType: 'image/jpeg', sizeBytes: files.jpeg.length });
    const back = await b.ok('documents.get', { documentId: doc.id }, b.officer);
    expect(Buffer.from(back.contentBase64, 'base64').equals(files.jpeg)).toBe(true);
  });

  it('refuses a file that is not what its name claims, an executable, and an oversized file', async () => {
    const b = await branchWithOfficers();
    const c = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const upload = (fileName: string, content: Buffer) =>
      b.call(
        'documents.upload',
        { customerId: c.id, kind: 'other', fileName, contentBase64: content.toString('base64') },
        b.officer,
      );
    const mismatch = await upload('contract.pdf', files.png);
    expect(mismatch.error).toMatchObject({
      reason: 'document_type_mismatch',
      issues: [{ path: 'fileName', message: 'is a PNG image, not a PDF as its name claims' }],
    });
    expect((await upload('setup.exe', files.pdf)).error?.reason).toBe('document_type_not_allowed');
    expect(
      (await upload('fake.pdf', Buffer.from('MZ\x90\x00 this is a windows program'))).error?.reason,
    ).toBe('document_type_not_allowed');
    await b.ok('customers.updateSettings', { maxDocumentBytes: 100_000 }, b.adminToken);
    const big = Buffer.concat([files.pdf, Buffer.alloc(150_000)]);
    expect((await upload('big.pdf', big)).error).toMatchObject({
      reason: 'document_too_large',
      issues: [{ path: 'contentBase64' }],
    });
    expect(await b.ledger.db.selectFrom('documents').selectAll().execute()).toHaveLength(0);
  });
});

describe('profile edits', () => {
  it('keeps every previous value in the history, with who changed it', async () => {
    const b = await branchWithOfficers();
    const c = await b.ok('customers.registerIndividual', anIndividual({ occupation: 'Tailor' }), b.officer);
    await b.ok(
      'customers.update',
      { customerId: c.id, changes: { occupation: 'Shopkeeper', phone: '0733 444 555' } },
      b.second,
    );
    const history = await b.ok('customers.history', { customerId: c.id }, b.officer);
    expect(history.map((h) => [h.field, h.oldValue, h.newValue, h.changedBy]).sort()).toEqual([
      ['occupation', 'Tailor', 'Shopkeeper', 'achieng'],
      ['phone', c.phone, '+254733444555', 'achieng'],
    ]);
    expect((await b.ok('customers.search', { query: '0733444' }, b.officer)).rows.map((r) => r.id)).toEqual([
      c.id,
    ]);
    const activity = await b.ok('customers.activity', { customerId: c.id }, b.officer);
    expect(activity.map((a) => a.action)).toEqual(['customer.updated', 'customer.registered']);
  });

  it('refuses a field of the other kind of customer and an ID already used', async () => {
    const b = await branchWithOfficers();
    const a = await b.ok('customers.registerIndividual', anIndividual({ idNumber: '11112222' }), b.officer);
    const c = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    expect(
      (await b.call('customers.update', { customerId: c.id, changes: { sector: 'Retail' } }, b.officer)).error
        ?.issues?.[0]?.path,
    ).toBe('changes.sector');
    const dup = await b.call(
      'customers.update',
      { customerId: c.id, changes: { idNumber: '11112222' } },
      b.officer,
    );
    expect(dup.error).toMatchObject({ reason: 'duplicate_id' });
    expect(dup.error!.message).toContain(a.customerNo);
  });
});

describe('relationships, communications, referrals and scores', () => {
  it('records relationships both ways on the profiles', async () => {
    const b = await branchWithOfficers();
    const a = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const s = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const rel = await b.ok(
      'relationships.add',
      { customerId: a.id, relatedCustomerId: s.id, kind: 'spouse' },
      b.officer,
    );
    expect(
      (
        await b.call(
          'relationships.add',
          { customerId: a.id, relatedCustomerId: s.id, kind: 'spouse' },
          b.officer,
        )
      ).error?.reason,
    ).toBe('relationship_exists');
    expect((await b.ok('customers.get', { customerId: s.id }, b.officer)).relationships).toMatchObject([
      { kind: 'spouse', direction: 'incoming', other: { id: a.id } },
    ]);
    await b.ok('relationships.remove', { relationshipId: rel.id }, b.officer);
    expect((await b.ok('customers.get', { customerId: a.id }, b.officer)).relationships).toEqual([]);
  });

  it('logs communications with the staff member, newest first', async () => {
    const b = await branchWithOfficers();
    const c = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    await b.ok(
      'communications.log',
      {
        customerId: c.id,
        channel: 'visit',
        direction: 'outbound',
        subject: 'Business visit',
        occurredAt: '2026-11-20T09:00:00Z',
      },
      b.officer,
    );
    await b.ok(
      'communications.log',
      {
        customerId: c.id,
        channel: 'call',
        direction: 'inbound',
        subject: 'Asked about loans',
        note: 'Wants 50,000',
      },
      b.second,
    );
    const log = await b.ok('communications.list', { customerId: c.id }, b.officer);
    expect(log.map((l) => [l.subject, l.staff])).toEqual([
      ['Asked about loans', 'achieng'],
      ['Business visit', 'otieno'],
    ]);
  });

  it('creates a pending referral reward, which cannot be settled before it is earned', async () => {
    const b = await branchWithOfficers();
    const referrer = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const referred = await b.ok(
      'customers.registerIndividual',
      anIndividual({ referredByCustomerId: referrer.id }),
      b.officer,
    );
    const rewards = await b.ok('referrals.list', {}, b.officer);
    expect(rewards).toMatchObject([
      {
        referrer: { id: referrer.id },
        referred: { id: referred.id },
        amountMinor: 50_000,
        status: 'pending',
      },
    ]);
    expect((await b.call('referrals.settle', { rewardId: rewards[0]!.id }, b.adminToken)).error?.reason).toBe(
      'referral_not_earned',
    );
    expect(
      (
        await b.call(
          'customers.registerIndividual',
          anIndividual({ referredByCustomerId: '01900000-0000-7000-8000-000000000000' }),
          b.officer,
        )
      ).error?.issues?.[0]?.path,
    ).toBe('referredByCustomerId');
  });

  it('scores a customer factor by factor and keeps the history', async () => {
    const b = await branchWithOfficers();
    // Income 45,000.00, expenses 20,000.00 → 55 % left: full affordability points.
    const c = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    const score = await b.ok('scores.compute', { customerId: c.id }, b.officer);
    // Default weights: repayment 30 (no history: 15), arrears 20 (20), affordability 20 (20), tenure 10 (0), KYC 10 (pending: 0).
    // Business age does not apply to individuals. 55 of 90 points → 611.1 → 611, band B.
    expect(score.factors.map((f) => [f.factor, f.points, f.maxPoints])).toEqual([
      ['repaymentHistory', 15, 30],
      ['arrears', 20, 20],
      ['affordability', 20, 20],
      ['tenure', 0, 10],
      ['kyc', 0, 10],
    ]);
    expect(score).toMatchObject({ score: 611, band: 'B' });
    await b.ok('scores.compute', { customerId: c.id }, b.officer);
    expect(await b.ok('scores.history', { customerId: c.id }, b.officer)).toHaveLength(2);
    expect((await b.ok('customers.get', { customerId: c.id }, b.officer)).latestScore?.score).toBe(611);
  });
});

describe('search', () => {
  it('finds customers by name prefix, ID number, phone in any form and customer number', async () => {
    const b = await branchWithOfficers();
    const amina = await b.ok(
      'customers.registerIndividual',
      anIndividual({ firstName: 'Amina', lastName: 'Wafula', idNumber: '24681357', phone: '+254711222333' }),
      b.officer,
    );
    await b.ok(
      'customers.registerIndividual',
      anIndividual({ firstName: 'Baraka', lastName: 'Otieno' }),
      b.officer,
    );
    const find = async (query: string) =>
      (await b.ok('customers.search', { query }, b.officer)).rows.map((r) => r.id);
    expect(await find('ami')).toEqual([amina.id]);
    expect(await find('ami waf')).toEqual([amina.id]);
    expect(await find('2468')).toEqual([amina.id]);
    expect(await find('0711 222')).toEqual([amina.id]);
    expect(await find('+254711')).toEqual([amina.id]);
    expect(await find('711222333')).toEqual([amina.id]);
    expect(await find(amina.customerNo)).toEqual([amina.id]);
    expect(await find('NBO-01-00000')).toHaveLength(2);
    expect(await find('zzz')).toEqual([]);
  });

  it('lists everyone with a total when nothing is typed, filtered by kind and KYC status', async () => {
    const b = await branchWithOfficers();
    await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    await b.ok('customers.registerBusiness', aBusiness(), b.officer);
    expect((await b.ok('customers.search', {}, b.officer)).total).toBe(2);
    expect((await b.ok('customers.search', { kind: 'business' }, b.officer)).rows.map((r) => r.kind)).toEqual(
      ['business'],
    );
    expect((await b.ok('customers.search', { kycStatus: 'verified' }, b.officer)).total).toBe(0);
  });

  it('a teller may search but not onboard', async () => {
    const b = await branchWithOfficers();
    const teller = await aStaffMember(b, { username: 'tom', role: 'teller' });
    expect((await b.call('customers.search', { query: 'a' }, teller.token)).error).toBeUndefined();
    expect((await b.call('customers.registerIndividual', anIndividual(), teller.token)).error?.code).toBe(
      'FORBIDDEN',
    );
  });
});
