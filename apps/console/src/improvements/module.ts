import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 优化清单: proposals from recurring reasons of bad reviews, and the improvement items tracked to done. Screens: resources.tsx. */
export const improvementsModule = { name: 'improvements', resources: ['improvement-items', 'improvement-proposals'], access, messages } as const satisfies ConsoleModule;
