import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  Form,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  TextInput,
  Title,
  useDataProvider,
  useGetList,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import type { ConsolePermissions } from '../auth/auth-provider';
import { newClientKey } from '../citizen/rating/client-key';
import type { ConsoleDataProvider } from '../data-provider';
import { nestErrors } from '../shared/nest-errors';
import { useNotifyRefusal } from '../shared/use-notify-refusal';
import type { EnteredFeedback } from './data-provider';
import {
  CHANNEL_CHOICES,
  feedbackEntryBody,
  hallsOfStaff,
  LEVEL_CHOICES,
  startsRectification,
  validateFeedbackEntry,
  type FeedbackEntryValues,
} from './feedback-entry-form';

const INPUT_WIDTH = { minWidth: 320 };

/**
 * 登记意见: one 随时可评 item taken down by staff (a 找茬窗口 slip, a letter from the 意见箱, a hotline call, a
 * supervision platform ticket, an email). The API applies the rules again; its refusals land on the inputs they name.
 * After saving: the tracking code for the citizen, and whether a rectification started (levels 1 and 2).
 */
export const FeedbackEntryPage = () => {
  const translate = useTranslate();
  const [saved, setSaved] = useState<EnteredFeedback | undefined>();
  // A new form, and a new client key, per item: a double click or a retry sends the same key and gets the first entry.
  const [formKey, setFormKey] = useState(newClientKey);

  return (
    <Box sx={{ mt: 2, maxWidth: 900 }}>
      <Title title="app.feedback_entries.title" />
      <Typography variant="h6" component="h1" gutterBottom>
        {translate('app.feedback_entries.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.feedback_entries.intro')}
      </Typography>
      {saved ? (
        <SavedEntry
          entry={saved}
          onAnother={() => {
            setSaved(undefined);
            setFormKey(newClientKey());
          }}
        />
      ) : (
        <EntryForm key={formKey} clientKey={formKey} onSaved={setSaved} />
      )}
    </Box>
  );
};

const EntryForm = ({ clientKey, onSaved }: { clientKey: string; onSaved: (entry: EnteredFeedback) => void }) => {
  const translate = useTranslate();
  const notifyRefusal = useNotifyRefusal();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { permissions } = usePermissions<ConsolePermissions>();
  const { data: allHalls } = useGetList<{ id: string; name: string }>('halls', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  const halls = useMemo(() => hallsOfStaff(allHalls ?? [], permissions?.role, permissions?.hallCodes ?? []), [allHalls, permissions]);
  const defaults = useMemo<FeedbackEntryValues>(() => ({ optionCodes: [], contactGiven: false, ...(halls.length === 1 ? { hallCode: halls[0]?.id } : {}) }), [halls]);
  const { mutateAsync: enter } = useMutation({ mutationFn: (body: Record<string, unknown>) => dataProvider.enterFeedback(body) });

  const submit = async (values: FeedbackEntryValues) => {
    try {
      onSaved(await enter(feedbackEntryBody(values, clientKey)));
      return undefined;
    } catch (error) {
      // The API's words on the inputs they name (422), and as a notification in every case.
      const { fieldErrors } = notifyRefusal(error);
      return fieldErrors ? nestErrors(fieldErrors) : undefined;
    }
  };

  return (
    <Card>
      <CardContent>
        <Form key={halls.length} record={defaults} onSubmit={(values: FeedbackEntryValues) => submit(values)} validate={(values: FeedbackEntryValues) => nestErrors(validateFeedbackEntry(values))}>
          <Stack>
            <SelectInput source="channel" label="resources.feedback-entries.fields.channel" choices={CHANNEL_CHOICES} sx={INPUT_WIDTH} />
            <SelectInput source="hallCode" label="resources.feedback-entries.fields.hallCode" choices={halls} sx={INPUT_WIDTH} />
            <TextInput source="caseNumber" label="resources.feedback-entries.fields.caseNumber" helperText="app.feedback_entries.case_help" sx={INPUT_WIDTH} />
            <RadioButtonGroupInput source="level" label="resources.feedback-entries.fields.level" choices={LEVEL_CHOICES} />
            <ReasonInput />
            <TextInput source="comment" label="resources.feedback-entries.fields.comment" multiline minRows={3} fullWidth />
            <BooleanInput source="contactGiven" label="resources.feedback-entries.fields.contactGiven" helperText="app.feedback_entries.contact_help" />
            <ContactInputs />
            <Box>
              <SaveButton label={translate('app.feedback_entries.submit')} alwaysEnable />
            </Box>
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
};

/** The reasons of the current option set: the linked case's item's nature, else 线下 (hall feedback, as the API picks). */
const ReasonInput = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const caseNumber = useDebounced((useWatch({ name: 'caseNumber' }) as string | undefined)?.trim() ?? '', 400);
  const hallCode = useWatch({ name: 'hallCode' }) as string | undefined;
  const { data: cases } = useGetList<{ id: string; caseNumber: string; hallCode: string; nature: 'OFFLINE' | 'ONLINE' }>(
    'cases',
    { filter: { caseNumber }, pagination: { page: 1, perPage: 5 }, sort: { field: 'caseNumber', order: 'ASC' } },
    { enabled: caseNumber !== '' },
  );
  const linked = caseNumber === '' ? undefined : cases?.find((found) => found.caseNumber === caseNumber && (!hallCode || found.hallCode === hallCode));
  const nature = linked?.nature ?? 'OFFLINE';
  const { data: options, isPending } = useQuery({ queryKey: ['option-sets', 'current', nature], queryFn: () => dataProvider.currentOptions(nature) });
  if (isPending) return <Typography color="text.secondary">{translate('app.feedback_entries.reasons_loading')}</Typography>;
  if (!options || options.length === 0) return <Typography color="text.secondary">{translate('app.feedback_entries.no_reasons')}</Typography>;
  return (
    <CheckboxGroupInput
      source="optionCodes"
      label="resources.feedback-entries.fields.optionCodes"
      choices={options.map(({ code, label }) => ({ id: code, name: label }))}
    />
  );
};

const ContactInputs = () => {
  const given = useWatch({ name: 'contactGiven' }) as boolean | undefined;
  if (!given) return null;
  return (
    <Stack direction="row" spacing={2}>
      <TextInput source="contact.name" label="resources.feedback-entries.fields.contact.name" />
      <TextInput source="contact.phone" label="resources.feedback-entries.fields.contact.phone" />
    </Stack>
  );
};

const SavedEntry = ({ entry, onAnother }: { entry: EnteredFeedback; onAnother: () => void }) => {
  const translate = useTranslate();
  const started = startsRectification(entry.level) && entry.rectification !== undefined;
  return (
    <Card data-testid="saved-entry">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.feedback_entries.saved_title')}
        </Typography>
        {!entry.created && <Alert severity="info" sx={{ mb: 2 }}>{translate('app.feedback_entries.repeat')}</Alert>}
        <Typography>
          {translate('app.feedback_entries.tracking_code')}：
          <Box component="strong" data-testid="tracking-code" sx={{ fontFamily: 'monospace', fontSize: '1.4rem', letterSpacing: 2 }}>
            {entry.trackingCode}
          </Box>
        </Typography>
        <Typography color="text.secondary" variant="body2" sx={{ mb: 2 }}>
          {translate('app.feedback_entries.tracking_help')}
        </Typography>
        {started ? (
          <Alert severity="warning" sx={{ mb: 2 }} action={
            <Button component={Link} to={`/rectifications/${entry.id}/show`} color="inherit" size="small">
              {translate('app.feedback_entries.open_case')}
            </Button>
          }>
            {translate('app.feedback_entries.rectification_started')}
          </Alert>
        ) : (
          <Alert severity="success" sx={{ mb: 2 }}>{translate('app.feedback_entries.no_rectification')}</Alert>
        )}
        <Button variant="contained" onClick={onAnother}>
          {translate('app.feedback_entries.another')}
        </Button>
      </CardContent>
    </Card>
  );
};

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
