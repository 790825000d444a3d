import type { ModuleScreens } from '../module-screens';
import notifications from '.';
import type { notificationsModule } from './module';
import { NotificationBell } from './NotificationBell';

export const notificationsScreens: ModuleScreens<typeof notificationsModule> = {
  resources: { notifications },
  appBar: NotificationBell,
};
