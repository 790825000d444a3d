import type { ConsoleModule } from '../console-module';
import { access } from './access';
import { messages } from './messages';

/** 刷好评核查: the coerced-praise flags, their evidence and the county's decision. Screens: resources.tsx. */
export const praiseIntegrityModule = { name: 'praise-integrity', resources: ['praise-integrity/flags'], access, messages } as const satisfies ConsoleModule;
