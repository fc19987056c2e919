import { expect, type Page } from '@playwright/test';

export interface Individual {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  idNumber: string;
  idExpiryDate: string;
  phone: string;
  occupation?: string;
  monthlyIncome?: string;
}

export interface Business {
  registeredName: string;
  registrationNumber: string;
  sector: string;
  dateEstablished: string;
  phone: string;
  annualTurnover?: string;
  /** Individual customers to add, found by searching their name; role "Director", "Owner" or "Contact person". */
  people: { search: string; name: string; role: 'Director' | 'Owner' | 'Contact person'; share?: string }[];
}

/** The onboarding wizard: choose individual or business, fill the form, submit. */
export class CustomerOnboardingPage {
  constructor(private readonly page: Page) {}

  async onboardIndividual(person: Individual): Promise<void> {
    await this.page.getByRole('button', { name: 'Onboard an individual' }).click();
    const form = this.page.getByRole('form', { name: 'New individual customer' });
    await form.getByRole('textbox', { name: 'First name' }).fill(person.firstName);
    await form.getByRole('textbox', { name: 'Last name' }).fill(person.lastName);
    await form.getByLabel('Date of birth').fill(person.dateOfBirth);
    await form.getByRole('textbox', { name: 'ID number' }).fill(person.idNumber);
    await form.getByLabel('ID expiry date').fill(person.idExpiryDate);
    await form.getByRole('textbox', { name: 'Phone', exact: true }).fill(person.phone);
    if (person.occupation) await form.getByRole('textbox', { name: 'Occupation' }).fill(person.occupation);
    if (person.monthlyIncome)
      await form.getByRole('textbox', { name: 'Monthly income' }).fill(person.monthlyIncome);
    await form.getByRole('textbox', { name: 'Phone', exact: true }).press('Enter');
  }

  async onboardBusiness(business: Business): Promise<void> {
    await this.page.getByRole('button', { name: 'Onboard a business' }).click();
    const form = this.page.getByRole('form', { name: 'New business customer' });
    await form.getByRole('textbox', { name: 'Registered name' }).fill(business.registeredName);
    await form.getByRole('textbox', { name: 'Registration number' }).fill(business.registrationNumber);
    await form.getByRole('textbox', { name: 'Sector' }).fill(business.sector);
    await form.getByLabel('Date established').fill(business.dateEstablished);
    if (business.annualTurnover)
      await form.getByRole('textbox', { name: 'Annual turnover' }).fill(business.annualTurnover);
    await form.getByRole('textbox', { name: 'Phone', exact: true }).fill(business.phone);
    for (const person of business.people) {
      await form.getByRole('combobox', { name: 'Add a person (individual customer)' }).fill(person.search);
      await this.page.getByRole('option', { name: new RegExp(person.name) }).click();
      const row = form.getByRole('row').filter({ hasText: person.name });
      await expect(row).toBeVisible();
      if (person.role !== 'Director') {
        await row.getByRole('combobox', { name: 'Role' }).click();
        await this.page.getByRole('option', { name: person.role, exact: true }).click();
      }
      if (person.share) await row.getByRole('textbox', { name: 'Share' }).fill(person.share);
    }
    await form.getByRole('button', { name: 'Onboard customer' }).click();
  }

  duplicateWarning() {
    return this.page.getByTestId('duplicate-warning');
  }
}
