import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import { RectificationList } from './RectificationList';
import { RectificationShow } from './RectificationShow';

export default {
  list: RectificationList,
  show: RectificationShow,
  icon: AssignmentLateIcon,
};
