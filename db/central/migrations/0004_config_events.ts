// Central migration 4: loan products are head-office configuration too. A branch role may read, besides its
// own and its scoped events, the head office's `settings.changed`, `role.*` and `loanProduct.saved` events
// (the list is `headOfficeConfigTypes` in electron/sync/central.ts, which the device-side pull filter uses too).
// Immutable once released: a change is a new numbered migration.

export const name = 'config_events';

export const up = String.raw`
DROP POLICY events_read ON events;
CREATE POLICY events_read ON events FOR SELECT TO lms_branch USING (
  branch_id = (SELECT lms_current_branch())
  OR scope_branch_id = (SELECT lms_current_branch())
  OR ((type = 'settings.changed' OR type LIKE 'role.%' OR type = 'loanProduct.saved')
      AND branch_id IN (SELECT b.id FROM branches b WHERE b.is_head_office))
);
`;
