import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import { RectificationList } from './RectificationList';

export default {
  list: RectificationList,
  icon: AssignmentLateIcon,
};
