import type { ModuleScreens } from '../module-screens';
import { Dashboard } from './Dashboard';
import type { dashboardModule } from './module';

export const dashboardScreens: ModuleScreens<typeof dashboardModule> = {
  dashboard: Dashboard,
};
