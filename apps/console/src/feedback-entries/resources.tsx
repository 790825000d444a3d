import type { ModuleScreens } from '../module-screens';
import feedbackEntries from '.';
import type { feedbackEntriesModule } from './module';

export const feedbackEntriesScreens: ModuleScreens<typeof feedbackEntriesModule> = {
  resources: { 'feedback-entries': feedbackEntries },
};
