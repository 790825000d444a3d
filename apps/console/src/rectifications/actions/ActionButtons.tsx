import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { RectificationActionPath } from '@haochaping/contracts';
import { STAFF_ACTIONS } from './action-forms';
import { ActionDialog } from './ActionDialog';

/** One button per action the API says the user may take now, in a stable order; each opens its form. */
export const ActionButtons = ({ caseId, allowed }: { caseId: string; allowed: readonly RectificationActionPath[] }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState<RectificationActionPath | undefined>();
  const actions = STAFF_ACTIONS.filter((action) => allowed.includes(action));
  if (actions.length === 0) return <Typography color="text.secondary">{translate('app.rectification.no_actions')}</Typography>;
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {actions.map((action, index) => (
          <Button key={action} variant={index === 0 ? 'contained' : 'outlined'} onClick={() => setOpen(action)}>
            {translate(`app.action.names.${action}`)}
          </Button>
        ))}
      </Stack>
      {open && <ActionDialog caseId={caseId} action={open} onClose={() => setOpen(undefined)} />}
    </>
  );
};
