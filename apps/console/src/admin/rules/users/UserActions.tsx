import BlockIcon from '@mui/icons-material/Block';
import LockResetIcon from '@mui/icons-material/LockReset';
import PlayCircleIcon from '@mui/icons-material/PlayCircle';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../../data-provider';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';
import type { UserAction } from '../data-provider';
import { OneTimeSecretDialog } from '../shared/OneTimeSecretDialog';

interface UserRecord {
  id: string;
  username: string;
  enabled: boolean;
}

/** 停用 / 启用 / 重置密码, each after a confirmation; a reset shows the temporary password once. */
export const UserActions = () => {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [asking, setAsking] = useState<UserAction | undefined>();
  const [password, setPassword] = useState<string | undefined>();
  const { mutate: run } = useMutation({
    mutationFn: ({ user, action }: { user: UserRecord; action: UserAction }) => dataProvider.userAction(user.id, action),
    onSuccess: (answer, { user, action }) => {
      notify(`app.rules.users.done.${action}`, { type: 'success', messageArgs: { username: user.username } });
      if (answer.temporaryPassword) setPassword(answer.temporaryPassword);
    },
    onError: notifyRefusal,
    onSettled: () => {
      setAsking(undefined);
      refresh();
    },
  });
  if (!record) return null;

  const actions: Array<{ action: UserAction; icon: React.ReactNode; color: 'error' | 'primary' }> = [
    record.enabled ? { action: 'disable', icon: <BlockIcon />, color: 'error' } : { action: 'enable', icon: <PlayCircleIcon />, color: 'primary' },
    { action: 'reset-password', icon: <LockResetIcon />, color: 'primary' },
  ];
  return (
    <>
      {actions.map(({ action, icon, color }) => (
        <Button key={action} size="small" color={color} startIcon={icon} onClick={() => setAsking(action)}>
          {translate(`app.rules.users.actions.${action}`)}
        </Button>
      ))}
      <Confirm
        isOpen={asking !== undefined}
        title={`app.rules.users.confirm.${asking ?? 'disable'}`}
        content="app.rules.users.confirm.content"
        translateOptions={{ username: record.username }}
        onConfirm={() => asking && run({ user: record, action: asking })}
        onClose={() => setAsking(undefined)}
      />
      {password && (
        <OneTimeSecretDialog
          title="app.rules.users.password_title"
          intro={translate('app.rules.users.password_intro', { username: record.username })}
          secret={password}
          onClose={() => setPassword(undefined)}
        />
      )}
    </>
  );
};
