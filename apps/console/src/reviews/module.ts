import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 评价记录: every review in the user's scope, with its CSV export. Screens: resources.tsx. */
export const reviewsModule = { name: 'reviews', resources: ['reviews'], access, messages } as const satisfies ConsoleModule;
