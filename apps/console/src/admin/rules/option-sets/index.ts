import ChecklistIcon from '@mui/icons-material/Checklist';
import { OptionSetCreate } from './OptionSetCreate';
import { OptionSetList } from './OptionSetList';
import { OptionSetShow } from './OptionSetShow';

/** 评价选项: versions of the second-level reason options (admin/option-sets). */
export default {
  list: OptionSetList,
  show: OptionSetShow,
  create: OptionSetCreate,
  icon: ChecklistIcon,
};
