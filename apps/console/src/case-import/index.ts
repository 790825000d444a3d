import UploadFileIcon from '@mui/icons-material/UploadFile';
import { CaseImportPage } from './CaseImportPage';

export default {
  list: CaseImportPage,
  icon: UploadFileIcon,
};
