import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import { DepartmentCreate, DepartmentEdit, DepartmentList, DepartmentShow } from './DepartmentScreens';

export default {
  list: DepartmentList,
  show: DepartmentShow,
  edit: DepartmentEdit,
  create: DepartmentCreate,
  icon: CorporateFareIcon,
  recordRepresentation: 'name',
};
