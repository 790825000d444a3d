import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 差评工单: the list with its presets, a case's live state, its actions and timeline. Screens: resources.tsx. */
export const rectificationsModule = { name: 'rectifications', resources: ['rectifications'], access, messages } as const satisfies ConsoleModule;
