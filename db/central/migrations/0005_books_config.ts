// Central migration 5: the chart of accounts and the products' account mappings are head-office configuration
// too. A branch role may read, besides its own and its scoped events, the head office's `settings.changed`,
// `role.*`, `loanProduct.saved`, `glAccount.saved` and `glMapping.saved` events (`headOfficeConfigTypes` in
// electron/sync/central.ts). Immutable once released: a change is a new numbered migration.

export const name = 'books_config';

export const up = String.raw`
DROP POLICY events_read ON events;
CREATE POLICY events_read ON events FOR SELECT TO lms_branch USING (
  branch_id = (SELECT lms_current_branch())
  OR scope_branch_id = (SELECT lms_current_branch())
  OR ((type = 'settings.changed' OR type LIKE 'role.%' OR type = 'loanProduct.saved'
       OR type = 'glAccount.saved' OR type = 'glMapping.saved')
      AND branch_id IN (SELECT b.id FROM branches b WHERE b.is_head_office))
);
`;
