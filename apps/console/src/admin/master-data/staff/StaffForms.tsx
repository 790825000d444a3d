import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Create, Edit, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, required, useRecordContext } from 'react-admin';
import { pickFields, useMasterDataSubmit } from '../shared/use-master-data-submit';
import { EMPLOYEE_NUMBER } from '../shared/code-validators';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';


/** Hall, then one of that hall's open windows (or none); a change of hall clears the window. */
const PlacementInputs = () => {
  const hallCode = useWatch<{ hallCode?: string }>({ name: 'hallCode' });
  const { setValue } = useFormContext();
  const previousHall = useRef(hallCode);
  useEffect(() => {
    if (previousHall.current !== undefined && previousHall.current !== hallCode) setValue('windowCode', null, { shouldDirty: true });
    previousHall.current = hallCode;
  }, [hallCode, setValue]);
  return (
    <>
      <ReferenceInput source="hallCode" reference="halls" perPage={50} sort={{ field: 'code', order: 'ASC' }}>
        <SelectInput optionText="name" validate={required()} sx={{ maxWidth: 320 }} />
      </ReferenceInput>
      {hallCode && (
        <ReferenceInput source="windowCode" reference="windows" filter={{ hallCode, active: true }} perPage={50} sort={{ field: 'id', order: 'ASC' }}>
          <SelectInput optionText="name" optionValue="code" emptyText="app.masterData.no_window" helperText="app.masterData.hints.window_optional" sx={{ maxWidth: 320 }} />
        </ReferenceInput>
      )}
    </>
  );
};

const StaffEditForm = () => {
  const record = useRecordContext();
  const submit = useMasterDataSubmit('staff', (values) => pickFields(values, ['name', 'hallCode', 'windowCode']), record?.id);
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} onSubmit={submit}>
      <TextInput source="employeeNumber" disabled helperText="app.masterData.hints.code_fixed" sx={{ maxWidth: 320 }} />
      <TextInput source="name" validate={[required(), maxLength(30)]} sx={{ maxWidth: 320 }} />
      <PlacementInputs />
    </SimpleForm>
  );
};

const StaffCreateForm = () => {
  const submit = useMasterDataSubmit('staff', (values) => pickFields(values, ['employeeNumber', 'name', 'hallCode', 'windowCode']));
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} onSubmit={submit}>
      <TextInput source="employeeNumber" validate={[required(), EMPLOYEE_NUMBER]} sx={{ maxWidth: 320 }} />
      <TextInput source="name" validate={[required(), maxLength(30)]} sx={{ maxWidth: 320 }} />
      <PlacementInputs />
    </SimpleForm>
  );
};

export const StaffEdit = () => (
  <Edit mutationMode="pessimistic">
    <StaffEditForm />
  </Edit>
);

export const StaffCreate = () => (
  <Create>
    <StaffCreateForm />
  </Create>
);
