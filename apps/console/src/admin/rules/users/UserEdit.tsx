import { useMutation } from '@tanstack/react-query';
import { Edit, Labeled, SaveButton, SimpleForm, TextField, Toolbar, useDataProvider, useNotify, useRecordContext, useRedirect } from 'react-admin';
import type { ConsoleDataProvider } from '../../../data-provider';
import { nestErrors } from '../../../shared/nest-errors';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';
import { userBody, validateUser, type UserFormValues } from './user-form';
import { UserInputs } from './UserInputs';

/** The edit form: the API takes PATCH (the simple-rest provider would PUT), so the save is ours. */
const UserForm = () => {
  const record = useRecordContext<{ id: string }>();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { mutateAsync: updateUser } = useMutation({ mutationFn: (values: UserFormValues) => dataProvider.updateUser(record?.id ?? '', userBody(values, 'edit')) });
  const save = async (values: UserFormValues) => {
    try {
      await updateUser(values);
      notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: 1 } });
      redirect('show', 'admin/users', record?.id);
      return undefined;
    } catch (error) {
      return notifyRefusal(error).fieldErrors;
    }
  };
  return (
    // Accounts are disabled, never deleted (the audit trail names them): no delete button.
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
      onSubmit={(values: Record<string, unknown>) => save(values)} validate={(values) => nestErrors(validateUser(values, 'edit'))}>
      <Labeled source="username">
        <TextField source="username" />
      </Labeled>
      <UserInputs />
    </SimpleForm>
  );
};

/** Name, role and scope; a change of role or scope ends the user's current sessions (the API says so). */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic">
    <UserForm />
  </Edit>
);
