import type { ModuleScreens } from '../module-screens';
import type { supervisionModule } from './module';
import { SupervisionPage } from './SupervisionPage';

export const supervisionScreens: ModuleScreens<typeof supervisionModule> = {
  routes: { '/supervision': <SupervisionPage /> },
};
