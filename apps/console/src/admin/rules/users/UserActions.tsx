import BlockIcon from '@mui/icons-material/Block';
import LockResetIcon from '@mui/icons-material/LockReset';
import PlayCircleIcon from '@mui/icons-material/PlayCircle';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { OneTimeSecretDialog } from '../shared/OneTimeSecretDialog';
import { refusalOf, rulesRequest } from '../shared/rules-api';

interface UserRecord {
  id: string;
  username: string;
  enabled: boolean;
  lockedUntil: string | null;
}

type UserAction = 'disable' | 'enable' | 'reset-password';

/** 停用 / 启用 / 重置密码, each after a confirmation; a reset shows the temporary password once. */
export const UserActions = () => {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState<UserAction | undefined>();
  const [password, setPassword] = useState<string | undefined>();
  if (!record) return null;

  const run = async (action: UserAction) => {
    try {
      const answer = await rulesRequest<{ temporaryPassword?: string }>(`/admin/users/${record.id}/${action}`, { method: 'POST' });
      notify(`app.rules.users.done.${action}`, { type: 'success', messageArgs: { username: record.username } });
      if (answer.temporaryPassword) setPassword(answer.temporaryPassword);
    } catch (error) {
      const { message } = refusalOf(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setAsking(undefined);
      refresh();
    }
  };

  const actions: Array<{ action: UserAction; icon: React.ReactNode; color: 'error' | 'primary' }> = [
    record.enabled ? { action: 'disable', icon: <BlockIcon />, color: 'error' } : { action: 'enable', icon: <PlayCircleIcon />, color: 'primary' },
    ...(record.enabled && record.lockedUntil ? [{ action: 'enable' as const, icon: <PlayCircleIcon />, color: 'primary' as const }] : []),
    { action: 'reset-password', icon: <LockResetIcon />, color: 'primary' },
  ];
  return (
    <>
      {actions.map(({ action, icon, color }) => (
        <Button key={action} size="small" color={color} startIcon={icon} onClick={() => setAsking(action)}>
          {translate(`app.rules.users.actions.${action}${action === 'enable' && record.enabled ? '_unlock' : ''}`)}
        </Button>
      ))}
      <Confirm
        isOpen={asking !== undefined}
        title={`app.rules.users.confirm.${asking ?? 'disable'}`}
        content="app.rules.users.confirm.content"
        translateOptions={{ username: record.username }}
        onConfirm={() => asking && void run(asking)}
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
