import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** 在用 / 已停用 as a small chip. */
export const ActiveField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ active: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant={record.active ? 'outlined' : 'filled'}
      color={record.active ? 'success' : 'default'}
      label={translate(record.active ? 'app.masterData.status.active' : 'app.masterData.status.disabled')}
    />
  );
};
