// Page models of the loans screens: the application form, the approval queue and the loan page, so the journey
// reads like the officer's and the manager's day.
import { expect, type Page } from '@playwright/test';

export interface Application {
  customerSearch: string;
  customerName: string;
  product: string;
  principal: string;
  repayments: string;
  purpose: string;
  collateral?: { type: string; description: string; value: string };
}

export class LoanApplicationPage {
  constructor(private readonly page: Page) {}

  form() {
    return this.page.getByRole('form', { name: 'New loan application' });
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'New loan application', level: 1 })).toBeVisible();
  }

  /** Fills the terms as an officer types them; the eligibility check and the schedule follow by themselves. */
  async fill(application: Application): Promise<void> {
    const form = this.form();
    const customer = form.getByRole('combobox', { name: 'Customer', exact: true });
    await customer.fill(application.customerSearch);
    await this.page.getByRole('option', { name: new RegExp(application.customerName) }).click();
    await form.getByRole('combobox', { name: 'Product', exact: true }).click();
    await this.page.getByRole('option', { name: new RegExp(application.product) }).click();
    await form.getByRole('textbox', { name: 'Principal', exact: true }).fill(application.principal);
    await form.getByRole('textbox', { name: 'Repayments', exact: true }).fill(application.repayments);
    await form.getByRole('textbox', { name: 'Purpose' }).fill(application.purpose);
    if (application.collateral) {
      await form.getByRole('button', { name: 'Add collateral' }).click();
      await form.getByRole('combobox', { name: 'Type', exact: true }).click();
      await this.page.getByRole('option', { name: application.collateral.type, exact: true }).click();
      await form
        .getByRole('textbox', { name: 'Description', exact: true })
        .fill(application.collateral.description);
      await form.getByRole('textbox', { name: 'Value', exact: true }).fill(application.collateral.value);
    }
  }

  eligibility() {
    return this.page.getByRole('region', { name: 'Eligibility' });
  }

  verdict() {
    return this.page.getByTestId('eligibility-verdict');
  }

  schedule() {
    return this.page.getByRole('table', { name: 'Repayment schedule' });
  }

  productLimits() {
    return this.page.getByTestId('product-limits');
  }

  async submit(): Promise<void> {
    await this.form().getByRole('button', { name: 'Submit for approval' }).click();
  }
}

export class ApprovalsPage {
  constructor(private readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Approvals', level: 1 })).toBeVisible();
  }

  queue() {
    return this.page.getByRole('table', { name: 'Applications waiting for a decision' });
  }

  row(customerName: string) {
    return this.queue().getByRole('row', { name: new RegExp(customerName) });
  }

  async open(customerName: string): Promise<void> {
    await this.row(customerName).click();
    await expect(this.page.getByRole('region', { name: 'Application' })).toBeVisible();
  }

  /** Chooses the decision and gives the reason; Enter in the reason field submits, as at the desk. */
  async decide(
    decision: 'Approve' | 'Approve with changes' | 'Return' | 'Reject',
    reason: string,
  ): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Decision' });
    await form.getByRole('radiogroup', { name: 'Decision' }).getByText(decision, { exact: true }).click();
    await form.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await form.getByRole('textbox', { name: 'Reason' }).press('Enter');
  }
}

export class LoanPage {
  constructor(private readonly page: Page) {}

  async expectShown(number: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('heading', { name: number, level: 1 })).toBeVisible();
  }

  status() {
    return this.page.getByTestId('loan-status').first();
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }
}
