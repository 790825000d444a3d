import type { ModuleScreens } from '../module-screens';
import type { monthlyReportModule } from './module';
import { MonthlyReportPage } from './MonthlyReportPage';

export const monthlyReportScreens: ModuleScreens<typeof monthlyReportModule> = {
  routes: { '/monthly-report': <MonthlyReportPage /> },
};
