import ListAltIcon from '@mui/icons-material/ListAlt';
import { ServiceItemCreate, ServiceItemEdit, ServiceItemList, ServiceItemShow } from './ServiceItemScreens';

export default {
  list: ServiceItemList,
  show: ServiceItemShow,
  edit: ServiceItemEdit,
  create: ServiceItemCreate,
  icon: ListAltIcon,
  recordRepresentation: 'name',
};
