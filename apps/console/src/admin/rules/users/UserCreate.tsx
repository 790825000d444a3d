import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Create, PasswordInput, SimpleForm, TextInput, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../../data-provider';
import { nestErrors } from '../../../shared/nest-errors';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';
import type { CreatedUser } from '../data-provider';
import { OneTimeSecretDialog } from '../shared/OneTimeSecretDialog';
import { userBody, validateUser, type UserFormValues } from './user-form';
import { UserInputs } from './UserInputs';

/** A new account; without a password typed, the server generates one and this page shows it once. */
export const UserCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [created, setCreated] = useState<CreatedUser | undefined>();
  const { mutateAsync: createUser } = useMutation({ mutationFn: (values: UserFormValues) => dataProvider.createUser(userBody(values, 'create')) });

  const save = async (values: UserFormValues) => {
    try {
      const user = await createUser(values);
      notify('ra.notification.created', { type: 'success', messageArgs: { smart_count: 1 } });
      if (user.temporaryPassword) setCreated(user);
      else redirect('show', 'admin/users', user.id);
      return undefined;
    } catch (error) {
      return notifyRefusal(error).fieldErrors;
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
