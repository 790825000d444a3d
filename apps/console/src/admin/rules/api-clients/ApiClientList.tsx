import AddIcon from '@mui/icons-material/Add';
import BlockIcon from '@mui/icons-material/Block';
import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Confirm,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import type { ConsoleDataProvider } from '../../../data-provider';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';
import { OneTimeSecretDialog } from '../shared/OneTimeSecretDialog';

interface ApiClientRecord {
  id: string;
  name: string;
  keyPrefix: string;
  enabled: boolean;
}

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="disabled" source="disabled" />];

/** "新建接入系统": a name, then the key, shown once. */
const CreateClientButton = () => {
  const translate = useTranslate();
  const notifyRefusal = useNotifyRefusal();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; key: string } | undefined>();
  const { mutate: create } = useMutation({
    mutationFn: () => dataProvider.createApiClient(name),
    onSuccess: (answer) => {
      setOpen(false);
      setName('');
      setCreated(answer);
      refresh();
    },
    onError: (failure) => {
      const { message, fieldErrors } = notifyRefusal(failure);
      setError(fieldErrors?.name ?? message);
    },
  });

  return (
    <>
      <Button startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {translate('app.rules.api_clients.create')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="client-dialog-title">
        <DialogTitle id="client-dialog-title">{translate('app.rules.api_clients.create')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            label={translate('resources.admin/api-clients.fields.name')}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setError(undefined);
            }}
            error={error !== undefined}
            helperText={error ?? translate('app.rules.api_clients.name_help')}
            fullWidth
            margin="dense"
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={name.trim() === ''} onClick={() => create()}>
            {translate('ra.action.create')}
          </Button>
        </DialogActions>
      </Dialog>
      {created && (
        <OneTimeSecretDialog
          title="app.rules.api_clients.key_title"
          intro={translate('app.rules.api_clients.key_intro', { name: created.name })}
          secret={created.key}
          onClose={() => setCreated(undefined)}
        />
      )}
    </>
  );
};

/** 停用: final, after a confirmation; the system's next call with the key is refused. */
const DisableButton = () => {
  const record = useRecordContext<ApiClientRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [asking, setAsking] = useState(false);
  const { mutate: disable } = useMutation({
    mutationFn: (client: ApiClientRecord) => dataProvider.disableApiClient(client.id),
    onSuccess: (_answer, client) => notify('app.rules.api_clients.disabled', { type: 'success', messageArgs: { name: client.name } }),
    onError: notifyRefusal,
    onSettled: () => {
      setAsking(false);
      refresh();
    },
  });
  if (!record?.enabled) return null;
  return (
    <>
      <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => setAsking(true)}>
        {translate('app.rules.api_clients.disable')}
      </Button>
      <Confirm
        isOpen={asking}
        title="app.rules.api_clients.disable_title"
        content="app.rules.api_clients.disable_content"
        translateOptions={{ name: record.name }}
        onConfirm={() => disable(record)}
        onClose={() => setAsking(false)}
      />
    </>
  );
};

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'admin/api-clients', action: 'create' });
  return <TopToolbar>{canAccess && <CreateClientButton />}</TopToolbar>;
};

/** 接入系统: the business systems and the provincial bridge that push cases and ratings with a key. */
export const ApiClientList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} actions={<Actions />} empty={false} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <FunctionField source="keyPrefix" sortable={false} render={(record: ApiClientRecord) => <code>hcpk_{record.keyPrefix}_…</code>} />
        <FunctionField
          source="enabled"
          sortable={false}
          render={(record: ApiClientRecord) => (
            <Chip size="small" color={record.enabled ? 'success' : 'default'} label={translate(record.enabled ? 'app.rules.enabled' : 'app.rules.disabled')} />
          )}
        />
        <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
        <DateField source="lastUsedAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} emptyText="—" />
        <DateField source="disabledAt" sortable={false} showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} emptyText="—" />
        <DisableButton />
      </Datagrid>
    </List>
  );
};
