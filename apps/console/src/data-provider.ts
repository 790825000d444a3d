import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { masterDataMethods, type MasterDataMethods } from './admin/master-data/data-provider';
import { rulesMethods, type RulesMethods } from './admin/rules/data-provider';
import { httpClient as signedInClient, type HttpClient } from './auth/http-client';
import { caseImportMethods, type CaseImportMethods } from './case-import/data-provider';
import { dashboardMethods, type DashboardMethods } from './dashboard/data-provider';
import { exchangeMethods, type ExchangeMethods } from './exchange/data-provider';
import { feedbackEntryMethods, type FeedbackEntryMethods } from './feedback-entries/data-provider';
import { monthlyReportMethods, type MonthlyReportMethods } from './monthly-report/data-provider';
import { improvementMethods, type ImprovementMethods } from './improvements/data-provider';
import { notificationMethods, type NotificationMethods } from './notifications/data-provider';
import { withPageCap } from './page-cap';
import { praiseIntegrityMethods, type PraiseIntegrityMethods } from './praise-integrity/data-provider';
import { rectificationMethods, type RectificationMethods } from './rectifications/data-provider';
import { resultsMethods, type ResultsMethods } from './results/data-provider';
import { reviewMethods, type ReviewMethods } from './reviews/data-provider';
import { reconciliationMethods, statisticsMethods, type ReconciliationMethods, type StatisticsMethods } from './supervision/data-provider';

// Same origin as the console: Vite proxies /api to the API in dev and preview.
export const API_URL = '/api';

/**
 * simple-rest for resources, plus each module's typed methods for the calls that are not CRUD (its data-provider.ts).
 * Screens call them through useDataProvider<ConsoleDataProvider>() with react-query's useQuery / useMutation.
 */
export interface ConsoleDataProvider
  extends DataProvider,
    RectificationMethods,
    ReviewMethods,
    StatisticsMethods,
    ReconciliationMethods,
    ResultsMethods,
    MonthlyReportMethods,
    DashboardMethods,
    MasterDataMethods,
    RulesMethods,
    NotificationMethods,
    FeedbackEntryMethods,
    CaseImportMethods,
    ExchangeMethods,
    PraiseIntegrityMethods,
    ImprovementMethods {}

export const createDataProvider = (url: string = API_URL, httpClient: HttpClient = signedInClient): ConsoleDataProvider => {
  const api = { url, httpClient };
  return {
    // Exports ask for more rows than the API gives per request: withPageCap fetches them page by page.
    ...withPageCap(simpleRestProvider(url, httpClient)),
    ...rectificationMethods(api),
    ...reviewMethods(api),
    ...statisticsMethods(api),
    ...reconciliationMethods(api),
    ...resultsMethods(api),
    ...monthlyReportMethods(api),
    ...dashboardMethods(api),
    ...masterDataMethods(api),
    ...rulesMethods(api),
    ...notificationMethods(api),
    ...feedbackEntryMethods(api),
    ...caseImportMethods(api),
    ...exchangeMethods(api),
    ...praiseIntegrityMethods(api),
    ...improvementMethods(api),
  };
};

export const dataProvider = createDataProvider();
