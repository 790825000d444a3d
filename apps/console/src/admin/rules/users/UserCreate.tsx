import { useState } from 'react';
import { Create, PasswordInput, SimpleForm, TextInput, useNotify, useRedirect, useTranslate } from 'react-admin';
import { nestErrors } from '../shared/nest-errors';
import { OneTimeSecretDialog } from '../shared/OneTimeSecretDialog';
import { refusalOf, rulesRequest } from '../shared/rules-api';
import { userBody, validateUser, type UserFormValues } from './user-form';
import { UserInputs } from './UserInputs';

/** A new account; without a password typed, the server generates one and this page shows it once. */
export const UserCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<{ id: string; username: string; temporaryPassword?: string } | undefined>();

  const save = async (values: UserFormValues) => {
    try {
      const user = await rulesRequest<{ id: string; username: string; temporaryPassword?: string }>('/admin/users', { method: 'POST', body: userBody(values, 'create') });
      notify('ra.notification.created', { type: 'success', messageArgs: { smart_count: 1 } });
      if (user.temporaryPassword) setCreated(user);
      else redirect('show', 'admin/users', user.id);
      return undefined;
    } catch (error) {
      const { message, fieldErrors } = refusalOf(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
      return fieldErrors;
    }
  };

  return (
    <>
      <Create redirect={false}>
        <SimpleForm onSubmit={(values: Record<string, unknown>) => save(values)} validate={(values) => nestErrors(validateUser(values, 'create'))}>
          <TextInput source="username" helperText="app.rules.users.username_help" sx={{ minWidth: 280 }} />
          <UserInputs />
          <PasswordInput source="initialPassword" helperText="app.rules.users.password_help" sx={{ minWidth: 280 }} />
        </SimpleForm>
      </Create>
      {created?.temporaryPassword && (
        <OneTimeSecretDialog
          title="app.rules.users.password_title"
          intro={translate('app.rules.users.password_intro', { username: created.username })}
          secret={created.temporaryPassword}
          onClose={() => redirect('show', 'admin/users', created.id)}
        />
      )}
    </>
  );
};
