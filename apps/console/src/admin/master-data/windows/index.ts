import QrCode2Icon from '@mui/icons-material/QrCode2';
import { WindowCreate, WindowEdit } from './WindowForms';
import { WindowList } from './WindowList';
import { WindowShow } from './WindowShow';

export default {
  list: WindowList,
  show: WindowShow,
  edit: WindowEdit,
  create: WindowCreate,
  icon: QrCode2Icon,
  recordRepresentation: 'name',
};
