import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 办件: the cases the business systems pushed, with their review and rectification. Screens: resources.tsx. */
export const casesModule = { name: 'cases', resources: ['cases'], access, messages } as const satisfies ConsoleModule;
