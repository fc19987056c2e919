// A settled exception's effect in words, for the queue: what the decision changed on this ledger (and on every
// replica that holds it). The effect itself is decided in the core (electron/sync/resolutions.ts).
import type { ExceptionEffect } from '../../../shared/contract';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "a note", "an edit", … for an event type; the type itself when there are no words for it. */
function eventWords(t: Translate, eventType: string): string {
  return t(`sync.exceptions.eventType.${eventType.replace('.', '_')}`, { defaultValue: eventType });
}

export function describeEffect(effect: ExceptionEffect, t: Translate): string {
  switch (effect.type) {
    case 'customerMerged': {
      const fields = effect.fields
        .map((field) => t(`customers.field.${field}`, { defaultValue: field }))
        .join(', ');
      return effect.fields.length === 0
        ? t('sync.exceptions.effect.customerMerged', { customer: effect.customerName })
        : t('sync.exceptions.effect.customerMergedWithFields', { customer: effect.customerName, fields });
    }
    case 'eventApplied':
      return effect.customerName
        ? t('sync.exceptions.effect.eventAppliedTo', {
            event: eventWords(t, effect.eventType),
            customer: effect.customerName,
          })
        : t('sync.exceptions.effect.eventApplied', { event: eventWords(t, effect.eventType) });
    case 'eventDiscarded':
      return t('sync.exceptions.effect.eventDiscarded', { event: eventWords(t, effect.eventType) });
    case 'userAdded':
      return t(
        effect.isActive ? 'sync.exceptions.effect.userAdded' : 'sync.exceptions.effect.userAddedInactive',
        {
          username: effect.username,
        },
      );
    case 'recorded':
      return t('sync.exceptions.effect.recorded');
  }
}
