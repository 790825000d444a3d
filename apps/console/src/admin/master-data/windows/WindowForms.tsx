import { Create, Edit, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { pickFields, useMasterDataSubmit } from '../shared/use-master-data-submit';
import { WINDOW_CODE } from '../shared/code-validators';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';


/** A window's name can change; its hall and code are in its QR code and stay. */
const WindowEditForm = () => {
  const record = useRecordContext();
  const submit = useMasterDataSubmit('windows', (values) => pickFields(values, ['name']), record?.id);
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} onSubmit={submit}>
      <TextInput source="hallName" label="resources.windows.fields.hallCode" disabled sx={{ maxWidth: 320 }} />
      <TextInput source="code" disabled helperText="app.masterData.hints.code_fixed" sx={{ maxWidth: 320 }} />
      <TextInput source="name" validate={[required(), maxLength(50)]} sx={{ maxWidth: 320 }} />
    </SimpleForm>
  );
};

const WindowCreateForm = () => {
  const submit = useMasterDataSubmit('windows', (values) => pickFields(values, ['hallCode', 'code', 'name']));
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} onSubmit={submit}>
      <ReferenceInput source="hallCode" reference="halls" perPage={50} sort={{ field: 'code', order: 'ASC' }}>
        <SelectInput optionText="name" validate={required()} sx={{ maxWidth: 320 }} />
      </ReferenceInput>
      <TextInput source="code" validate={[required(), WINDOW_CODE]} helperText="app.masterData.hints.window_code" sx={{ maxWidth: 320 }} />
      <TextInput source="name" validate={[required(), maxLength(50)]} sx={{ maxWidth: 320 }} />
    </SimpleForm>
  );
};

export const WindowEdit = () => (
  <Edit mutationMode="pessimistic">
    <WindowEditForm />
  </Edit>
);

export const WindowCreate = () => (
  <Create>
    <WindowCreateForm />
  </Create>
);
