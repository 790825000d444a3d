import { useQuery } from '@tanstack/react-query';
import { BooleanInput, FormDataConsumer, RadioButtonGroupInput, SelectInput, TextInput, useDataProvider } from 'react-admin';
import { CALLBACK_METHOD_LABELS, CALLBACK_METHODS, type RectificationActionPath } from '@haochaping/contracts';
import type { ConsoleDataProvider } from '../../data-provider';
import { CATEGORY_CHOICES } from '../rectification-filters';

const METHOD_CHOICES = CALLBACK_METHODS.map((id) => ({ id, name: CALLBACK_METHOD_LABELS[id] }));
const FINDING_CHOICES = ['TRUE', 'UNTRUE', 'MALICIOUS'].map((id) => ({ id, name: `app.action.findings.${id}` }));
const DECISION_CHOICES = ['APPROVE', 'DENY'].map((id) => ({ id, name: `app.action.decisions.${id}` }));

const label = (field: string) => `app.action.fields.${field}`;
const Text = ({ source, multiline = true }: { source: string; multiline?: boolean }) => (
  <TextInput source={source} label={label(source)} fullWidth multiline={multiline} minRows={multiline ? 2 : undefined} />
);
const DateTime = ({ source }: { source: string }) => (
  <TextInput
    source={source}
    label={label(source)}
    type="datetime-local"
    fullWidth
    slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 1 } }}
    helperText="app.action.beijing_time"
  />
);

/** The new assignee, picked from the accounts the API would take (the hall's active handlers and town leaders). */
const AssigneeInput = ({ caseId }: { caseId: string }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const assignees = useQuery({ queryKey: ['rectifications', 'assignees', caseId], queryFn: () => dataProvider.getCaseAssignees(caseId), retry: false });
  const choices = (assignees.data ?? []).map((assignee) => ({ id: assignee.id, name: `${assignee.name}（${assignee.roleLabel}）` }));
  return (
    <SelectInput source="assigneeUserId" label={label('assigneeUserId')} choices={choices} isPending={assignees.isPending} translateChoice={false} fullWidth />
  );
};

/** The inputs of one action's form; which are required is `validateAction`'s business. */
export const ActionFields = ({ action, caseId }: { action: RectificationActionPath; caseId: string }) => {
  switch (action) {
    case 'verify':
      return (
        <>
          <RadioButtonGroupInput source="finding" label={label('finding')} choices={FINDING_CHOICES} />
          <FormDataConsumer>
            {({ formData }) =>
              (formData as { finding?: string }).finding === 'TRUE' ? (
                <>
                  <SelectInput source="category" label={label('category')} choices={CATEGORY_CHOICES} fullWidth />
                  <Text source="notes" />
                </>
              ) : (
                <Text source="evidenceNotes" />
              )
            }
          </FormDataConsumer>
        </>
      );
    case 'record-callback':
      return (
        <>
          <DateTime source="at" />
          <SelectInput source="method" label={label('method')} choices={METHOD_CHOICES} fullWidth />
          <BooleanInput source="reached" label={label('reached')} />
          <Text source="summary" />
          <FormDataConsumer>{({ formData }) => ((formData as { reached?: boolean }).reached === true ? <Text source="initialReply" /> : null)}</FormDataConsumer>
        </>
      );
    case 'record-rectification':
      return (
        <>
          <Text source="measures" />
          <Text source="result" />
        </>
      );
    case 'decide-rejection':
    case 'decide-extension':
      return (
        <>
          <RadioButtonGroupInput source="decision" label={label('decision')} choices={DECISION_CHOICES} />
          <Text source="reason" />
        </>
      );
    case 'request-extension':
      return (
        <>
          <Text source="reason" />
          <DateTime source="newDueAt" />
          <DateTime source="contactedAt" />
          <SelectInput source="contactMethod" label={label('contactMethod')} choices={METHOD_CHOICES} fullWidth />
          <Text source="reviewerResponse" />
        </>
      );
    case 'reclassify':
      return (
        <>
          <SelectInput source="category" label={label('category')} choices={CATEGORY_CHOICES} fullWidth />
          <Text source="reason" />
        </>
      );
    case 'reassign':
      return (
        <>
          <AssigneeInput caseId={caseId} />
          <Text source="reason" />
        </>
      );
    case 'invite-departments':
      return (
        <>
          <Text source="departmentCodes" multiline={false} />
          <Text source="note" />
        </>
      );
    case 'record-department-input':
      return (
        <>
          <Text source="text" />
          <Text source="departmentCode" multiline={false} />
        </>
      );
    case 'add-note':
      return <Text source="text" />;
    default:
      return null;
  }
};
