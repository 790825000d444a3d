import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { HallCreate, HallEdit } from './HallForms';
import { HallList } from './HallList';
import { HallShow } from './HallShow';

export default {
  list: HallList,
  show: HallShow,
  edit: HallEdit,
  create: HallCreate,
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
