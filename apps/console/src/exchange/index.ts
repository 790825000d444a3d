import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import { ExchangePage } from './ExchangePage';

export default {
  list: ExchangePage,
  icon: CloudUploadIcon,
};
