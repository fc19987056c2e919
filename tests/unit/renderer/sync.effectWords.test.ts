import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import customersEn from '../../../renderer/i18n/customers.en.json';
import syncEn from '../../../renderer/i18n/sync.en.json';
import syncFr from '../../../renderer/i18n/sync.fr.json';
import { describeEffect } from '../../../renderer/screens/sync/effectWords';

const en = i18next.createInstance();
const fr = i18next.createInstance();
beforeAll(async () => {
  await en.init({
    lng: 'en',
    resources: { en: { translation: { ...customersEn, sync: syncEn.sync } } },
    interpolation: { escapeValue: false },
  });
  await fr.init({
    lng: 'fr',
    resources: { fr: { translation: { sync: syncFr.sync } } },
    interpolation: { escapeValue: false },
  });
});

describe('a settled exception’s effect in words', () => {
  it('names the surviving customer and the fields it took from the other registration', () => {
    const effect = {
      type: 'customerMerged' as const,
      customerId: 'c1',
      customerName: 'Amina Otieno',
      aliasId: 'c2',
      fields: ['phone', 'email'],
    };
    expect(describeEffect(effect, en.t.bind(en))).toBe(
      'Amina Otieno was kept and took from the other registration: Phone, E-mail. The other registration now points to this customer: its notes, documents and changes apply here.',
    );
    expect(describeEffect({ ...effect, fields: [] }, en.t.bind(en))).toMatch(
      /^Amina Otieno was kept as it is\./,
    );
  });

  it('says what happened to a held event, in words for its type', () => {
    const applied = {
      type: 'eventApplied' as const,
      eventId: 'e1',
      eventType: 'communication.logged',
      customerId: 'c1',
      customerName: 'Amina Otieno',
    };
    expect(describeEffect(applied, en.t.bind(en))).toBe('The held note was applied to Amina Otieno.');
    expect(
      describeEffect({ type: 'eventDiscarded', eventId: 'e1', eventType: 'x.unknown' }, en.t.bind(en)),
    ).toBe('The held x.unknown was set aside; it stays in the log of received changes.');
    expect(describeEffect(applied, fr.t.bind(fr))).toBe(
      'La note en attente a été appliqué(e) à Amina Otieno.',
    );
  });

  it('gives the other account’s new name, and says when it is deactivated', () => {
    const user = { type: 'userAdded' as const, userId: 'u1', username: 'teller1~02', isActive: false };
    expect(describeEffect(user, en.t.bind(en))).toBe(
      'The other computer’s account is kept as “teller1~02”, deactivated; an administrator can reactivate it.',
    );
    expect(describeEffect({ type: 'recorded' }, en.t.bind(en))).toBe(
      'The decision was recorded; no data changed.',
    );
  });
});
