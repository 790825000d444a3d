import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { AuditLogList } from './AuditLogList';
import { AuditLogShow } from './AuditLogShow';

/** 审计日志 (admin/audit-log): read-only. */
export default {
  list: AuditLogList,
  show: AuditLogShow,
  icon: ManageSearchIcon,
};
