import { Alert, Box, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import {
  DateField,
  FunctionField,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  useCreatePath,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EscalationBadge, StateChip } from '../shared/CaseBadges';
import { LevelChip } from './ReviewList';
import type { ReviewRecord } from './review-filters';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';


/** The case (办件) rated, and the rectification case a bad review started, each one click away. */
const HandlingLinks = () => {
  const record = useRecordContext<ReviewRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Stack spacing={1}>
      {record.rectification ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <StateChip state={record.rectification.state} label={record.rectification.stateLabel} />
          <EscalationBadge level={record.rectification.escalationLevel} />
          <Link component={RouterLink} to={createPath({ resource: 'rectifications', id: record.id, type: 'show' })}>
            {translate('app.reviews.open_rectification')}
          </Link>
        </Stack>
      ) : (
        <Typography color="text.secondary">{translate('app.reviews.no_rectification')}</Typography>
      )}
      {record.caseId && (
        <Link component={RouterLink} to={createPath({ resource: 'cases', id: record.caseId, type: 'show' })}>
          {translate('app.reviews.open_case')}（{record.caseNumber}）
        </Link>
      )}
    </Stack>
  );
};

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 1 }}>
      {translate(title)}
    </Typography>
  );
};

/** One review: what was rated and said, where and when, the reviewer masked, and how it is being handled. */
export const ReviewShow = () => {
  const notify = useNotify();
  const translate = useTranslate();
  return (
    <Show queryOptions={{ retry: false, onError: (error: Error) => notify(error.message, { type: 'error', messageArgs: { _: error.message } }) }}>
      <SimpleShowLayout>
        <Section title="app.reviews.sections.review" />
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled>
            <FunctionField source="level" render={(record: ReviewRecord) => <LevelChip record={record} />} />
          </Labeled>
          <Labeled>
            <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
          </Labeled>
          <Labeled>
            <TextField source="channelLabel" label="resources.reviews.fields.channel" />
          </Labeled>
          <Labeled>
            <TextField source="adoptionLabel" label="resources.reviews.fields.adoption" />
          </Labeled>
          <Labeled>
            <TextField source="trackingCode" />
          </Labeled>
        </Box>
        <FunctionField source="options" render={(record: ReviewRecord) => (record.options.length ? record.options.map((option) => option.label).join('、') : '—')} />
        <TextField source="comment" emptyText="—" />
        <Section title="app.reviews.sections.service" />
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled>
            <TextField source="hallName" label="resources.reviews.fields.hallCode" />
          </Labeled>
          <Labeled>
            <TextField source="windowName" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="staffName" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="serviceItemName" label="resources.reviews.fields.serviceItemCode" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="departmentName" label="resources.reviews.fields.departmentCode" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="enteredBy" emptyText="—" />
          </Labeled>
        </Box>
        <Section title="app.reviews.sections.reviewer" />
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled>
            <FunctionField source="reviewerKind" render={(record: ReviewRecord) => translate(`app.reviews.kinds.${record.reviewerKind}`)} />
          </Labeled>
          <Labeled>
            <TextField source="reviewerName" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="reviewerPhone" emptyText="—" />
          </Labeled>
        </Box>
        <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
          {translate('app.reviews.masked')}
        </Alert>
        <Section title="app.reviews.sections.handling" />
        <Labeled label="resources.reviews.fields.rectification">
          <HandlingLinks />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
