import { Chip, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { Labeled, SelectField, Show, SimpleShowLayout, TextField, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { HALL_KIND_CHOICES } from '../shared/choices';
import { OfficeHoursTable } from './OfficeHoursTable';

interface HallRecord {
  code: string;
  windows?: Array<{ code: string; name: string; staffCount: number; active: boolean }>;
}

/** The hall's windows, each a link to the window (where its QR and poster are). */
const HallWindows = (_props: { label?: string }) => {
  const hall = useRecordContext<HallRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!hall) return null;
  if (!hall.windows?.length) return <Typography color="text.secondary">{translate('app.masterData.no_windows')}</Typography>;
  return (
    <Table size="small" sx={{ maxWidth: 640 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.windows.fields.code')}</TableCell>
          <TableCell>{translate('resources.windows.fields.name')}</TableCell>
          <TableCell>{translate('resources.windows.fields.staffCount')}</TableCell>
          <TableCell>{translate('resources.windows.fields.active')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {hall.windows.map((window) => (
          <TableRow key={window.code}>
            <TableCell>{window.code}</TableCell>
            <TableCell>
              <Link component={RouterLink} to={createPath({ resource: 'windows', id: `${hall.code}-${window.code}`, type: 'show' })}>
                {window.name}
              </Link>
            </TableCell>
            <TableCell>{window.staffCount}</TableCell>
            <TableCell>
              <Chip
                size="small"
                variant={window.active ? 'outlined' : 'filled'}
                color={window.active ? 'success' : 'default'}
                label={translate(window.active ? 'app.masterData.status.active' : 'app.masterData.status.disabled')}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** A hall: name, kind, the week's office hours and its windows. */
export const HallShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="code" />
      <SelectField source="kind" choices={HALL_KIND_CHOICES} />
      <Labeled label="resources.halls.fields.officeHours">
        <OfficeHoursTable />
      </Labeled>
      <Labeled label="resources.halls.fields.windows">
        <HallWindows />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
