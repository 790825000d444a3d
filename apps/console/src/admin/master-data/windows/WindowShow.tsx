import { Typography } from '@mui/material';
import { EditButton, Labeled, NumberField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { ActiveField } from '../shared/ActiveField';
import { ActiveToggleButton } from '../shared/ActiveToggleButton';
import { WindowQrActions, WindowQrPreview } from './WindowQrActions';

const WindowShowActions = () => (
  <TopToolbar>
    <ActiveToggleButton />
    <EditButton />
  </TopToolbar>
);

/** The QR and its downloads while the window is open; a closed window takes no ratings, so the API prints none. */
const WindowQrSection = (_props: { label?: string }) => {
  const record = useRecordContext<{ active: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.active) {
    return (
      <Labeled label="app.masterData.qr.title">
        <Typography variant="body2" color="text.secondary">
          {translate('app.masterData.qr.disabled')}
        </Typography>
      </Labeled>
    );
  }
  return (
    <>
      <Labeled label="app.masterData.qr.title">
        <WindowQrPreview />
      </Labeled>
      <WindowQrActions />
    </>
  );
};

/** A window with its QR: downloads for printing, and the A5 poster to print at the window. */
export const WindowShow = () => (
  <Show actions={<WindowShowActions />}>
    <SimpleShowLayout>
      <TextField source="hallName" label="resources.windows.fields.hallCode" />
      <TextField source="code" />
      <TextField source="name" />
      <NumberField source="staffCount" />
      <ActiveField source="active" />
      <WindowQrSection />
    </SimpleShowLayout>
  </Show>
);
