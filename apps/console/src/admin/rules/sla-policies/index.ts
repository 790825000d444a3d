import TimerIcon from '@mui/icons-material/Timer';
import { SlaPolicyCreate } from './SlaPolicyCreate';
import { SlaPolicyList } from './SlaPolicyList';
import { SlaPolicyShow } from './SlaPolicyShow';

/** 整改时限: versions of the SLA policy (admin/sla-policies). */
export default {
  list: SlaPolicyList,
  show: SlaPolicyShow,
  create: SlaPolicyCreate,
  icon: TimerIcon,
};
