import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 消息: the staff notices of the signed-in user (the bell in the app bar, the list, read state). Screens: resources.tsx. */
export const notificationsModule = { name: 'notifications', resources: ['notifications'], access, messages } as const satisfies ConsoleModule;
