import {
  AutocompleteArrayInput,
  Datagrid,
  DateField,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceArrayInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { Chip } from '@mui/material';
import { EscalationBadge, StateChip } from '../shared/CaseBadges';
import { dayEnd, dayOfEnd, dayOfStart, dayStart, type ReviewRecord } from './review-filters';
import { ReviewExportButton } from './ReviewExportButton';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { REVIEW_CHANNEL_LABELS, REVIEW_LEVEL_LABELS, REVIEW_LEVELS, type ReviewChannelCode } from '@haochaping/contracts';

export const LEVEL_CHOICES = REVIEW_LEVELS.map((level) => ({ id: level, name: REVIEW_LEVEL_LABELS[level] }));
export const CHANNEL_CHOICES = (Object.keys(REVIEW_CHANNEL_LABELS) as ReviewChannelCode[]).map((channel) => ({ id: channel, name: REVIEW_CHANNEL_LABELS[channel] }));
const ADOPTION_CHOICES = [
  { id: 'ADOPTED', name: 'app.reviews.adoption.ADOPTED' },
  { id: 'NOT_ADOPTED', name: 'app.reviews.adoption.NOT_ADOPTED' },
];

/** The search box, saying what it searches. */
const ReviewSearchInput = ({ source, alwaysOn }: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput source={source} alwaysOn={alwaysOn} placeholder={translate('app.reviews.search_help')} sx={{ minWidth: 240 }} />;
};

const reviewFilters = [
  <ReviewSearchInput key="q" source="q" alwaysOn />,
  <ReferenceArrayInput key="hallCode" source="hallCode" reference="halls" alwaysOn perPage={50} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteArrayInput label="resources.reviews.fields.hallCode" optionText="name" sx={{ minWidth: 200 }} />
  </ReferenceArrayInput>,
  <SelectArrayInput key="level" source="level" choices={LEVEL_CHOICES} alwaysOn sx={{ minWidth: 140 }} />,
  <DateInput key="createdFrom" source="createdFrom" alwaysOn parse={(value: string) => dayStart(value) ?? ''} format={dayOfStart} />,
  <DateInput key="createdTo" source="createdTo" alwaysOn parse={(value: string) => dayEnd(value) ?? ''} format={dayOfEnd} />,
  <SelectArrayInput key="channel" source="channel" choices={CHANNEL_CHOICES} sx={{ minWidth: 160 }} />,
  <SelectInput key="adoption" source="adoption" choices={ADOPTION_CHOICES} />,
  <NullableBooleanInput key="hasRectification" source="hasRectification" />,
  <ReferenceArrayInput key="serviceItemCode" source="serviceItemCode" reference="service-items" perPage={100}>
    <AutocompleteArrayInput label="resources.reviews.fields.serviceItemCode" optionText="name" sx={{ minWidth: 240 }} />
  </ReferenceArrayInput>,
  <ReferenceArrayInput key="departmentCode" source="departmentCode" reference="departments" perPage={50}>
    <AutocompleteArrayInput label="resources.reviews.fields.departmentCode" optionText="name" sx={{ minWidth: 200 }} />
  </ReferenceArrayInput>,
];

const ReviewListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ReviewExportButton />
  </TopToolbar>
);

/** The level as a chip: 差评 in red, the rest plain. */
export const LevelChip = ({ record }: { record: ReviewRecord }) => (
  <Chip size="small" label={record.levelLabel} color={record.level <= 2 ? 'error' : record.level >= 4 ? 'success' : 'default'} variant={record.level <= 2 ? 'filled' : 'outlined'} />
);

/** 评价记录: the reviews of the user's scope, newest first; the export takes the current filter. */
export const ReviewList = () => (
  <List filters={reviewFilters} actions={<ReviewListActions />} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(record) => ((record as ReviewRecord).rectification?.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : {})}>
      <DateField source="createdAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} />
      <TextField source="hallName" label="resources.reviews.fields.hallCode" sortable={false} sx={{ whiteSpace: 'nowrap' }} />
      <FunctionField source="level" render={(record: ReviewRecord) => <LevelChip record={record} />} />
      <TextField source="channelLabel" label="resources.reviews.fields.channel" sortable={false} sx={{ whiteSpace: 'nowrap' }} />
      <FunctionField
        source="comment"
        sortable={false}
        render={(record: ReviewRecord) => [record.options.map((option) => option.label).join('、'), record.comment].filter(Boolean).join('：') || '—'}
        sx={{ display: 'block', maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      />
      <TextField source="serviceItemName" label="resources.reviews.fields.serviceItemCode" sortable={false} emptyText="—" />
      <FunctionField
        source="rectification"
        sortable={false}
        render={(record: ReviewRecord) =>
          record.rectification ? (
            <>
              <StateChip state={record.rectification.state} label={record.rectification.stateLabel} /> <EscalationBadge level={record.rectification.escalationLevel} />
            </>
          ) : (
            '—'
          )
        }
      />
    </Datagrid>
  </List>
);
