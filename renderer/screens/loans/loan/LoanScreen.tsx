// #/loans/:loanId — the loan page: the header, the action buttons, and tabs (kept in the URL, ?tab=schedule) for
// terms, schedule, transactions, collateral, guarantors, decisions and history, and documents. Every change made
// from here reloads the loan.
import { Loader, Modal, Stack, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { LoanView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { DecisionForm } from '../approvals/DecisionForm';
import { useLoanFormat } from '../shared/format';
import { useCall } from '../shared/useCall';
import { CollateralTab } from './CollateralTab';
import { AddCollateralDialog } from './dialogs/AddCollateralDialog';
import { AddGuarantorDialog } from './dialogs/AddGuarantorDialog';
import { EditDialog } from './dialogs/EditDialog';
import { RecoverDialog } from './dialogs/RecoverDialog';
import { RestructureDialog } from './dialogs/RestructureDialog';
import { ReverseDialog } from './dialogs/ReverseDialog';
import { WaiveDialog } from './dialogs/WaiveDialog';
import { WithdrawDialog } from './dialogs/WithdrawDialog';
import { WriteOffDialog } from './dialogs/WriteOffDialog';
import { DocumentsTab } from './DocumentsTab';
import { GuarantorsTab } from './GuarantorsTab';
import { HistoryTab } from './HistoryTab';
import { LoanActions, type DialogAction } from './LoanActions';
import { LoanHeader } from './LoanHeader';
import { ScheduleTab } from './ScheduleTab';
import { StatementButtons } from './StatementButtons';
import { TermsTab } from './TermsTab';
import { TransactionsTab } from './TransactionsTab';

const tabs = [
  'terms',
  'schedule',
  'transactions',
  'collateral',
  'guarantors',
  'history',
  'documents',
] as const;
type Tab = (typeof tabs)[number];
type Transaction = LoanView['transactions'][number];
type Dialog =
  | { kind: DialogAction }
  | { kind: 'addCollateral' }
  | { kind: 'addGuarantor' }
  | { kind: 'reverse'; transaction: Transaction };

/** Loans that are finished with: nothing more can be attached to them. */
const isFinished = (status: LoanView['status']) =>
  ['rejected', 'withdrawn', 'closed', 'written_off'].includes(status);

/** A page per loan: following a link to another loan starts afresh (tabs, dialogs). */
export function LoanScreen({ me }: { me: Me }) {
  const { loanId = '' } = useParams();
  return <LoanPage key={loanId} me={me} loanId={loanId} />;
}

function LoanPage({ me, loanId }: { me: Me; loanId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const format = useLoanFormat(me);
  const [loan, setLoan] = useState<LoanView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const submit = useCall();
  const tab: Tab = (tabs as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'terms';

  const load = useCallback(async () => {
    const result = await api.call('loans.get', { loanId });
    if (result.error) setError(result.error.message);
    else {
      setError(null);
      setLoan(result.data);
    }
  }, [loanId]);
  useEffect(() => void load(), [load]);

  if (error && !loan) return <ErrorAlert message={error} />;
  if (!loan) return <Loader aria-label={t('common.loading')} />;

  const done = (message: string) => {
    setDialog(null);
    notifications.show({ color: 'teal', message });
    void load();
  };
  const dialogProps = { loan, format, onClose: () => setDialog(null), onDone: done };
  const canAttach = hasPermission(me, 'loans.apply') && !isFinished(loan.status);

  return (
    <Stack>
      <LoanHeader loan={loan} format={format} />
      <LoanActions
        loan={loan}
        canApprove={hasPermission(me, 'loans.approve')}
        onAction={(kind) => setDialog({ kind })}
      />
      {hasPermission(me, 'reports.read') ? <StatementButtons loan={loan} /> : null}
      <ErrorAlert message={error ?? submit.error} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'terms' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('loans.tabs.label')}>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`loans.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="terms" pt="md">
          <TermsTab loan={loan} format={format} />
        </Tabs.Panel>
        <Tabs.Panel value="schedule" pt="md">
          <ScheduleTab loan={loan} format={format} />
        </Tabs.Panel>
        <Tabs.Panel value="transactions" pt="md">
          <TransactionsTab
            loan={loan}
            format={format}
            canReverse={loan.actions.includes('reverse')}
            onReverse={(transaction) => setDialog({ kind: 'reverse', transaction })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="collateral" pt="md">
          <CollateralTab
            loan={loan}
            format={format}
            canAdd={canAttach}
            onAdd={() => setDialog({ kind: 'addCollateral' })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="guarantors" pt="md">
          <GuarantorsTab
            loan={loan}
            format={format}
            canAdd={canAttach}
            onAdd={() => setDialog({ kind: 'addGuarantor' })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab loan={loan} format={format} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsTab loan={loan} format={format} />
        </Tabs.Panel>
      </Tabs>

      {dialog?.kind === 'edit' ? <EditDialog {...dialogProps} /> : null}
      {dialog?.kind === 'withdraw' ? <WithdrawDialog {...dialogProps} /> : null}
      {dialog?.kind === 'waive' ? <WaiveDialog {...dialogProps} /> : null}
      {dialog?.kind === 'write_off' ? <WriteOffDialog {...dialogProps} /> : null}
      {dialog?.kind === 'recover' ? <RecoverDialog {...dialogProps} /> : null}
      {dialog?.kind === 'restructure' ? <RestructureDialog {...dialogProps} /> : null}
      {dialog?.kind === 'addCollateral' ? <AddCollateralDialog {...dialogProps} /> : null}
      {dialog?.kind === 'addGuarantor' ? <AddGuarantorDialog {...dialogProps} /> : null}
      {dialog?.kind === 'reverse' ? (
        <ReverseDialog {...dialogProps} transaction={dialog.transaction} />
      ) : null}
      {dialog?.kind === 'submit' ? (
        <ConfirmModal
          opened
          title={t('loans.action.submit')}
          body={t('loans.dialog.submitBody', { number: loan.applicationNo })}
          confirmLabel={t('loans.action.submit')}
          color="teal"
          isBusy={submit.isBusy}
          onClose={() => setDialog(null)}
          onConfirm={() =>
            void submit
              .run(() => api.call('loans.submit', { loanId: loan.id }))
              .then((r) => {
                setDialog(null);
                if (r) done(t('loans.done.submitted'));
              })
          }
        />
      ) : null}
      {dialog?.kind === 'decide' ? (
        <Modal
          closeButtonProps={{ 'aria-label': t('common.close') }}
          opened
          onClose={() => setDialog(null)}
          title={t('loans.decision.title')}
          centered
          size="lg"
        >
          <DecisionForm
            loan={loan}
            format={format}
            onCancel={() => setDialog(null)}
            onDecided={(_, decision) => done(t(`loans.done.decided.${decision}`))}
          />
        </Modal>
      ) : null}
    </Stack>
  );
}
