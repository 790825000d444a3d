import { masterDataModule } from './admin/master-data/module';
import { monthlyReportModule } from './monthly-report/module';
import { rulesModule } from './admin/rules/module';
import { caseImportModule } from './case-import/module';
import { casesModule } from './cases/module';
import { registeredModules } from './console-module';
import { dashboardModule } from './dashboard/module';
import { exchangeModule } from './exchange/module';
import { feedbackEntriesModule } from './feedback-entries/module';
import { improvementsModule } from './improvements/module';
import { notificationsModule } from './notifications/module';
import { praiseIntegrityModule } from './praise-integrity/module';
import { rectificationsModule } from './rectifications/module';
import { resultsModule } from './results/module';
import { reviewsModule } from './reviews/module';
import { supervisionModule } from './supervision/module';

/**
 * The console's feature modules, in menu order: the one list the core reads (auth/can-access.ts the access rules,
 * i18n/zh-CN.ts the messages, App.tsx the screens through module-screens.tsx). Adding a module is its folder
 * (module.ts, access.ts, messages.ts, resources.tsx — its screens, pages and app-bar item —, and data-provider.ts for calls that are not CRUD) and one line
 * here, plus its screens' line in module-screens.tsx (the type check asks for it) and, with such calls, its methods'
 * line in data-provider.ts. A module listed twice fails at load.
 */
export const MODULES = registeredModules([
  rectificationsModule,
  reviewsModule,
  feedbackEntriesModule,
  casesModule,
  caseImportModule,
  masterDataModule,
  rulesModule,
  supervisionModule,
  resultsModule,
  monthlyReportModule,
  praiseIntegrityModule,
  dashboardModule,
  notificationsModule,
  exchangeModule,
  improvementsModule,
]);

export type ConsoleModuleName = (typeof MODULES)[number]['name'];
