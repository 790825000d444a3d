import type { ModuleScreens } from '../module-screens';
import rectifications from '.';
import { CallLogImportPage } from './CallLogImportPage';
import type { rectificationsModule } from './module';

export const rectificationsScreens: ModuleScreens<typeof rectificationsModule> = {
  resources: { rectifications },
  routes: { '/call-logs/import': <CallLogImportPage /> },
};
