import { Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import {
  BooleanField,
  DateField,
  FunctionField,
  Labeled,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useCreatePath,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CHANNEL_CHOICES } from './CaseList';
import { isBadReview, reviewLevelLabel } from '@haochaping/contracts';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';


interface CaseReview {
  id: string;
  level: number;
  channel: string;
  createdAt: string;
}

/** The case's review, and the way to its 差评工单 when it is a bad one. */
const ReviewSummary = () => {
  const record = useRecordContext<{ id: string; review: CaseReview | null }>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record) return null;
  if (!record.review) return <Typography color="text.secondary">{translate('app.cases.no_review')}</Typography>;
  const { review } = record;
  return (
    <Typography component="div">
      {reviewLevelLabel(review.level)}
      {isBadReview(review.level) && (
        <>
          {' · '}
          <Link component={RouterLink} to={createPath({ resource: 'rectifications', id: review.id, type: 'show' })}>
            {translate('app.cases.open_rectification')}
          </Link>
        </>
      )}
    </Typography>
  );
};

export const CaseShow = () => {
  const notify = useNotify();
  return (
    <Show queryOptions={{ retry: false, onError: (error: Error) => notify(error.message, { type: 'error', messageArgs: { _: error.message } }) }}>
      <SimpleShowLayout>
        <TextField source="caseNumber" />
        <FunctionField source="serviceItemName" render={(record: { serviceItemName: string; serviceItemCode: string }) => `${record.serviceItemName}（${record.serviceItemCode}）`} />
        <TextField source="hallName" label="resources.cases.fields.hallCode" />
        <TextField source="windowName" emptyText="—" />
        <FunctionField source="staffName" render={(record: { staffName: string | null; staffEmployeeNumber: string | null }) => (record.staffName ? `${record.staffName}（${record.staffEmployeeNumber ?? ''}）` : '—')} />
        <TextField source="applicantName" />
        <TextField source="applicantPhone" emptyText="—" />
        <SelectField source="channel" choices={CHANNEL_CHOICES} />
        <DateField source="receivedAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
        <DateField source="completedAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} emptyText="—" />
        <BooleanField source="rated" />
        <Labeled label="app.cases.review">
          <ReviewSummary />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
