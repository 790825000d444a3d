import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { CalendarPage } from './CalendarPage';

/** 工作日历 (calendar-years): the year view is the resource's list page, so it has its menu entry. */
export default {
  list: CalendarPage,
  icon: CalendarMonthIcon,
};
