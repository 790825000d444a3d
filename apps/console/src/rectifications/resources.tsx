import type { ModuleScreens } from '../module-screens';
import rectifications from '.';
import type { rectificationsModule } from './module';

export const rectificationsScreens: ModuleScreens<typeof rectificationsModule> = {
  resources: { rectifications },
};
