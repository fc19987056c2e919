// The merge-rule registry every pull consults: the customers' and staff's rules (appliers.ts), the loans'
// (loanAppliers.ts), the till's, vault's, reminders' and end-of-day's (tillAppliers.ts) and the books'
// (booksAppliers.ts). One event type, one
// applier; a type no applier knows is kept and applied after an upgrade (pull.ts).
import { appliers as coreAppliers, type Applier } from './appliers';
import { booksAppliers } from './booksAppliers';
import { loanAppliers } from './loanAppliers';
import { tillAppliers } from './tillAppliers';

export const appliers: Record<string, Applier> = {
  ...coreAppliers,
  ...loanAppliers,
  ...tillAppliers,
  ...booksAppliers,
};
