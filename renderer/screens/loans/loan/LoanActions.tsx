// The buttons for what the signed-in person may do next with this loan (`loan.actions`, decided by the core,
// which checks again). Disbursing and repaying happen at the counter; the rest open a dialog on this page.
// Reversal is offered on each transaction row instead.
import { Button, Group } from '@mantine/core';
import {
  IconArrowsExchange,
  IconCash,
  IconCashBanknote,
  IconChecklist,
  IconDiscount2,
  IconEdit,
  IconFileX,
  IconReceiptRefund,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract';

export type LoanAction = LoanView['actions'][number];
export type DialogAction = Exclude<LoanAction, 'disburse' | 'repay' | 'reverse'>;

const icons: Record<LoanAction, ComponentType<{ size?: number }>> = {
  edit: IconEdit,
  submit: IconSend,
  withdraw: IconX,
  decide: IconChecklist,
  disburse: IconCashBanknote,
  repay: IconCash,
  waive: IconDiscount2,
  write_off: IconFileX,
  recover: IconReceiptRefund,
  restructure: IconArrowsExchange,
  reverse: IconReceiptRefund,
};
const colours: Partial<Record<LoanAction, string>> = { withdraw: 'red', write_off: 'red', decide: 'teal' };
const order: LoanAction[] = [
  'decide',
  'submit',
  'edit',
  'disburse',
  'repay',
  'restructure',
  'waive',
  'recover',
  'write_off',
  'withdraw',
];

interface Props {
  loan: LoanView;
  /** The person may approve (loans.approve): "Decide" shows only then. */
  canApprove: boolean;
  onAction(action: DialogAction): void;
}

export function LoanActions({ loan, canApprove, onAction }: Props) {
  const { t } = useTranslation();
  const shown = order.filter((a) => loan.actions.includes(a) && (a !== 'decide' || canApprove));
  if (shown.length === 0) return null;
  return (
    <Group gap="xs" role="toolbar" aria-label={t('loans.action.label')}>
      {shown.map((action) => {
        const Icon = icons[action];
        const common = {
          leftSection: <Icon size={16} />,
          color: colours[action],
          variant: action === 'decide' || action === 'submit' ? 'filled' : 'light',
        };
        if (action === 'disburse' || action === 'repay')
          return (
            <Button key={action} component="a" href={`#/counter?loanId=${loan.id}`} {...common}>
              {t(`loans.action.${action}`)}
            </Button>
          );
        return (
          <Button key={action} {...common} onClick={() => onAction(action as DialogAction)}>
            {t(`loans.action.${action}`)}
          </Button>
        );
      })}
    </Group>
  );
}
