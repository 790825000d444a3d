import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** "当前版本" on the version new reviews or cases use; earlier versions say 历史版本. */
export const CurrentVersionChip = () => {
  const record = useRecordContext<{ current?: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  return record.current ? (
    <Chip size="small" color="success" label={translate('app.rules.current')} data-testid="current-version" />
  ) : (
    <Chip size="small" variant="outlined" label={translate('app.rules.historic')} />
  );
};
