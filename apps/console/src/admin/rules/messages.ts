import type { ModuleMessages } from '../../i18n/module-messages';

/** This module's zh-CN strings (`resources.<name>.*`, `app.<module>.*`), merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {};
