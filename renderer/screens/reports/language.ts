// The language a report's words come in: the one the person reads the app in (the core builds the model's
// labels in it, so the screen and the saved file say the same).
import type { ReportLanguage } from '../../../shared/contract';

export const reportLanguage = (appLanguage: string): ReportLanguage =>
  appLanguage.startsWith('fr') ? 'fr' : 'en';
