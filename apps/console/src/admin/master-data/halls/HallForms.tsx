import { useMemo } from 'react';
import { Create, Edit, SelectInput, SimpleForm, TextInput, useRecordContext } from 'react-admin';
import { HALL_KIND_CHOICES } from '../shared/choices';
import { useMasterDataSubmit } from '../shared/use-master-data-submit';
import { hallBody, hallFormValues, validateHallForm } from './hall-form';
import { daysBeyondTwoPeriods, type OfficeHours } from './office-hours-form';
import { OfficeHoursInput } from './OfficeHoursInput';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';

/** The hall form of both screens: the code only when creating (it is in every QR code and never changes). */
const HallForm = ({ creating }: { creating: boolean }) => {
  const record = useRecordContext<{ id: string; code: string; name: string; kind: string; officeHours: OfficeHours }>();
  const submit = useMasterDataSubmit('halls', (values) => hallBody(values, creating), creating ? undefined : record?.id);
  const initial = useMemo(() => hallFormValues(record), [record]);
  if (!creating && !record) return null;
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} record={initial} onSubmit={submit} validate={(values) => validateHallForm(values, creating)}>
      {creating ? (
        <TextInput source="code" helperText="app.masterData.hints.hall_code" sx={{ maxWidth: 320 }} />
      ) : (
        <TextInput source="code" disabled helperText="app.masterData.hints.code_fixed" sx={{ maxWidth: 320 }} />
      )}
      <TextInput source="name" sx={{ maxWidth: 320 }} />
      <SelectInput source="kind" choices={HALL_KIND_CHOICES} sx={{ maxWidth: 320 }} />
      <OfficeHoursInput extraPeriodDays={daysBeyondTwoPeriods(record?.officeHours)} />
    </SimpleForm>
  );
};

export const HallEdit = () => (
  <Edit mutationMode="pessimistic">
    <HallForm creating={false} />
  </Edit>
);

export const HallCreate = () => (
  <Create>
    <HallForm creating />
  </Create>
);
