import type { ComponentType, ReactNode } from 'react';
import type { DashboardComponent, ResourceProps } from 'react-admin';
import { masterDataScreens } from './admin/master-data/resources';
import { rulesScreens } from './admin/rules/resources';
import { caseImportScreens } from './case-import/resources';
import { casesScreens } from './cases/resources';
import type { ConsoleModule } from './console-module';
import { dashboardScreens } from './dashboard/resources';
import { exchangeScreens } from './exchange/resources';
import { feedbackEntriesScreens } from './feedback-entries/resources';
import { improvementsScreens } from './improvements/resources';
import type { MODULES } from './modules';
import { monthlyReportScreens } from './monthly-report/resources';
import { notificationsScreens } from './notifications/resources';
import { praiseIntegrityScreens } from './praise-integrity/resources';
import { rectificationsScreens } from './rectifications/resources';
import { resultsScreens } from './results/resources';
import { reviewsScreens } from './reviews/resources';
import { supervisionScreens } from './supervision/resources';

/** A resource's screens and icon; its name is the key (and one of the module's `resources`). */
export type ResourceScreens = Omit<ResourceProps, 'name'>;

/** What a module shows, in its resources.tsx: exactly the resources its module.ts names, pages, the home page. */
export type ModuleScreens<M extends ConsoleModule> = (M['resources'] extends readonly string[]
  ? { resources: { readonly [R in M['resources'][number]]: ResourceScreens } }
  : { resources?: never }) &
  Omit<AnyModuleScreens, 'resources'>;

/** Any module's screens, as App.tsx mounts them. */
export interface AnyModuleScreens {
  resources?: Readonly<Record<string, ResourceScreens>>;
  /** Pages inside the layout, by path (`/supervision`). */
  routes?: Readonly<Record<string, ReactNode>>;
  /** The home page; one module has it. */
  dashboard?: DashboardComponent;
  /** Shown in the app bar on every screen, in module order (the 消息 bell). */
  appBar?: ComponentType;
}

type Module = (typeof MODULES)[number];

/** Each listed module's screens, by its name: the type check refuses a module in modules.ts without its line here. */
export const SCREENS: { readonly [M in Module as M['name']]: ModuleScreens<M> } = {
  rectifications: rectificationsScreens,
  reviews: reviewsScreens,
  'feedback-entries': feedbackEntriesScreens,
  cases: casesScreens,
  'case-import': caseImportScreens,
  'admin/master-data': masterDataScreens,
  'admin/rules': rulesScreens,
  supervision: supervisionScreens,
  results: resultsScreens,
  'monthly-report': monthlyReportScreens,
  'praise-integrity': praiseIntegrityScreens,
  dashboard: dashboardScreens,
  notifications: notificationsScreens,
  exchange: exchangeScreens,
  improvements: improvementsScreens,
};
