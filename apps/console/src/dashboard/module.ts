import type { ConsoleModule } from '../console-module';
import { messages } from './messages';

/** 工作台: the home page (my open cases, state counts, the halls at a glance, the services' health). Screens: resources.tsx. */
export const dashboardModule = { name: 'dashboard', messages } as const satisfies ConsoleModule;
