import AddIcon from '@mui/icons-material/Add';
import BlockIcon from '@mui/icons-material/Block';
import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
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
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { OneTimeSecretDialog } from '../shared/OneTimeSecretDialog';
import { refusalOf, rulesRequest } from '../shared/rules-api';

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
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; key: string } | undefined>();

  const create = async () => {
    try {
      const answer = await rulesRequest<{ name: string; key: string }>('/admin/api-clients', { method: 'POST', body: { name } });
      setOpen(false);
      setName('');
      setCreated(answer);
      refresh();
    } catch (failure) {
      const { message, fieldErrors } = refusalOf(failure);
      setError(fieldErrors?.name ?? message);
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };

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
          <Button variant="contained" disabled={name.trim() === ''} onClick={() => void create()}>
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
  const refresh = useRefresh();
  const [asking, setAsking] = useState(false);
  if (!record?.enabled) return null;
  const disable = async () => {
    try {
      await rulesRequest(`/admin/api-clients/${record.id}/disable`, { method: 'POST' });
      notify('app.rules.api_clients.disabled', { type: 'success', messageArgs: { name: record.name } });
    } catch (failure) {
      const { message } = refusalOf(failure);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setAsking(false);
      refresh();
    }
  };
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
        onConfirm={() => void disable()}
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
