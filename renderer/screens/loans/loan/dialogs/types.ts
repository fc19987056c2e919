// What every dialog on the loan page is given: the loan, the formatting, and how to report back (the page
// reloads the loan and shows `message` when a change was made).
import type { LoanView } from '../../../../../shared/contract';
import type { LoanFormat } from '../../shared/format';

export interface DialogProps {
  loan: LoanView;
  format: LoanFormat;
  onClose(): void;
  onDone(message: string): void;
}
