import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { ApiClientList } from './ApiClientList';

/** 接入系统密钥 (admin/api-clients): list, create (the key shown once), disable. */
export default {
  list: ApiClientList,
  icon: VpnKeyIcon,
};
