import { Button, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { useNotifyRefusal } from '../shared/use-notify-refusal';
import type { ImprovementAction, ImprovementItem } from './improvements.types';
import { NoteDialog } from './NoteDialog';

/** 报告进展 / 报告完成 / 重新打开: only those the API lists in the item's allowedActions, each asking for its note. */
export const ImprovementActions = ({ item }: { item: ImprovementItem }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [asking, setAsking] = useState<ImprovementAction | undefined>();
  const { mutate, isPending } = useMutation({
    mutationFn: ({ action, note }: { action: ImprovementAction; note: string }) => dataProvider.improvementAction(item.id, action, note),
    onSuccess: (_answer, { action }) => {
      notify(`app.improvements.done.${action}`, { type: 'success' });
      setAsking(undefined);
    },
    onError: notifyRefusal,
    onSettled: () => refresh(),
  });
  if (item.allowedActions.length === 0) return null;
  return (
    <Stack direction="row" spacing={1}>
      {item.allowedActions.map((action) => (
        <Button key={action} variant={action === 'complete' ? 'contained' : 'outlined'} color={action === 'reopen' ? 'warning' : 'primary'} onClick={() => setAsking(action)} data-testid={`improvement-${action}`}>
          {translate(`app.improvements.actions.${action}`)}
        </Button>
      ))}
      {asking && (
        <NoteDialog
          title={translate(`app.improvements.actions.${asking}`)}
          label={translate('app.improvements.note')}
          help={translate(`app.improvements.note_help.${asking}`)}
          busy={isPending}
          onSubmit={(note) => mutate({ action: asking, note })}
          onClose={() => setAsking(undefined)}
        />
      )}
    </Stack>
  );
};
