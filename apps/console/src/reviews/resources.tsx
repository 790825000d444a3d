import type { ModuleScreens } from '../module-screens';
import reviews from '.';
import type { reviewsModule } from './module';

export const reviewsScreens: ModuleScreens<typeof reviewsModule> = {
  resources: { reviews },
};
