import { Create, Datagrid, Edit, List, NumberField, SearchInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { pickFields, useMasterDataSubmit } from '../shared/use-master-data-submit';
import { DEPARTMENT_CODE } from '../shared/code-validators';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';


/** County departments that own service items; a guide's scope names them by code. */
export const DepartmentList = () => (
  <List exporter={false} filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="code" />
      <NumberField source="serviceItemCount" sortable={false} />
    </Datagrid>
  </List>
);

export const DepartmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="code" />
      <NumberField source="serviceItemCount" />
    </SimpleShowLayout>
  </Show>
);

const DepartmentEditForm = () => {
  const record = useRecordContext();
  const submit = useMasterDataSubmit('departments', (values) => pickFields(values, ['name']), record?.id);
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} onSubmit={submit}>
      <TextInput source="code" disabled helperText="app.masterData.hints.code_fixed" sx={{ maxWidth: 320 }} />
      <TextInput source="name" validate={[required(), maxLength(50)]} sx={{ maxWidth: 320 }} />
    </SimpleForm>
  );
};

const DepartmentCreateForm = () => {
  const submit = useMasterDataSubmit('departments', (values) => pickFields(values, ['code', 'name']));
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} onSubmit={submit}>
      <TextInput source="code" validate={[required(), DEPARTMENT_CODE]} helperText="app.masterData.hints.department_code" sx={{ maxWidth: 320 }} />
      <TextInput source="name" validate={[required(), maxLength(50)]} sx={{ maxWidth: 320 }} />
    </SimpleForm>
  );
};

export const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic">
    <DepartmentEditForm />
  </Edit>
);

export const DepartmentCreate = () => (
  <Create>
    <DepartmentCreateForm />
  </Create>
);
