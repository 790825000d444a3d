import LightbulbIcon from '@mui/icons-material/Lightbulb';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import type { ModuleScreens } from '../module-screens';
import { ImprovementList } from './ImprovementList';
import { ImprovementShow } from './ImprovementShow';
import type { ImprovementItem } from './improvements.types';
import type { improvementsModule } from './module';
import { ProposalsPage } from './ProposalsPage';

export const improvementsScreens: ModuleScreens<typeof improvementsModule> = {
  resources: {
    'improvement-items': { list: ImprovementList, show: ImprovementShow, icon: PlaylistAddCheckIcon, recordRepresentation: (record: ImprovementItem) => record.title },
    // A page, not a list: the proposals are computed now, not stored rows.
    'improvement-proposals': { list: ProposalsPage, icon: LightbulbIcon },
  },
};
