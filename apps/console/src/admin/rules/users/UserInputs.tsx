import { AutocompleteArrayInput, FormDataConsumer, ReferenceArrayInput, SelectInput, TextInput } from 'react-admin';
import { ROLE_CHOICES } from '../shared/choices';
import { carriesDepartments, carriesHalls, type UserFormValues } from './user-form';

/** Name, role, the mobile for urgent SMS and the scope that role carries (halls, departments), shared by the create and edit forms. */
export const UserInputs = () => (
  <>
    <TextInput source="displayName" sx={{ minWidth: 280 }} />
    <SelectInput source="role" choices={ROLE_CHOICES} sx={{ minWidth: 280 }} />
    <TextInput source="phone" helperText="app.rules.users.phone_help" sx={{ minWidth: 280 }} />
    <FormDataConsumer<UserFormValues>>
      {({ formData }) => (
        <>
          {carriesHalls(formData.role) && (
            <ReferenceArrayInput source="hallCodes" reference="halls" perPage={50} sort={{ field: 'code', order: 'ASC' }}>
              <AutocompleteArrayInput optionText="name" label="resources.admin/users.fields.hallCodes" sx={{ minWidth: 280 }} />
            </ReferenceArrayInput>
          )}
          {carriesDepartments(formData.role) && (
            <ReferenceArrayInput source="departmentCodes" reference="departments" perPage={100} sort={{ field: 'code', order: 'ASC' }}>
              <AutocompleteArrayInput optionText="name" label="resources.admin/users.fields.departmentCodes" sx={{ minWidth: 280 }} />
            </ReferenceArrayInput>
          )}
        </>
      )}
    </FormDataConsumer>
  </>
);
