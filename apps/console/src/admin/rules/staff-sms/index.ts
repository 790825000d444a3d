import SmsIcon from '@mui/icons-material/Sms';
import { StaffSmsPage } from './StaffSmsPage';

/** 短信提醒 (admin/staff-sms): which staff notices also go out by SMS, and the county duty phone. */
export default {
  list: StaffSmsPage,
  icon: SmsIcon,
};
