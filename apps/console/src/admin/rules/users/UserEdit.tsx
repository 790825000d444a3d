import { Edit, Labeled, SaveButton, SimpleForm, TextField, Toolbar, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { nestErrors } from '../shared/nest-errors';
import { refusalOf, rulesRequest } from '../shared/rules-api';
import { userBody, validateUser, type UserFormValues } from './user-form';
import { UserInputs } from './UserInputs';

/** The edit form: the API takes PATCH (the simple-rest provider would PUT), so the save is ours. */
const UserForm = () => {
  const record = useRecordContext<{ id: string }>();
  const notify = useNotify();
  const redirect = useRedirect();
  const save = async (values: UserFormValues) => {
    try {
      await rulesRequest(`/admin/users/${record?.id ?? ''}`, { method: 'PATCH', body: userBody(values, 'edit') });
      notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: 1 } });
      redirect('show', 'admin/users', record?.id);
      return undefined;
    } catch (error) {
      const { message, fieldErrors } = refusalOf(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
      return fieldErrors;
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
