import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { beijingDateTime } from '../shared/countdown';
import { Section } from '../shared/Section';
import { useNotifyRefusal } from '../shared/use-notify-refusal';
import { AcceptDialog } from './AcceptDialog';
import { ImprovementReviews } from './ImprovementReviews';
import type { AcceptProposal, ImprovementProposal, ImprovementProposals } from './improvements.types';
import { NoteDialog } from './NoteDialog';

const QUERY_KEY = ['improvement-proposals'] as const;

/** 优化建议: the recurring reasons now, each with the reviews behind it; the county accepts one or dismisses it. */
export const ProposalsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { canAccess: canDecide } = useCanAccess({ resource: 'improvement-proposals', action: 'edit' });
  const [accepting, setAccepting] = useState<ImprovementProposal | undefined>();
  const [dismissing, setDismissing] = useState<ImprovementProposal | undefined>();
  const proposals = useQuery<ImprovementProposals>({ queryKey: QUERY_KEY, queryFn: () => dataProvider.getImprovementProposals(), retry: false });
  const settled = () => void queryClient.invalidateQueries({ queryKey: QUERY_KEY });
  const accept = useMutation({
    mutationFn: (body: AcceptProposal) => dataProvider.acceptImprovementProposal(body),
    onSuccess: () => {
      notify('app.improvements.accepted', { type: 'success' });
      setAccepting(undefined);
    },
    onError: notifyRefusal,
    onSettled: settled,
  });
  const dismiss = useMutation({
    mutationFn: ({ key, reason }: { key: string; reason: string }) => dataProvider.dismissImprovementProposal(key, reason),
    onSuccess: () => {
      notify('app.improvements.dismissed', { type: 'success' });
      setDismissing(undefined);
    },
    onError: notifyRefusal,
    onSettled: settled,
  });

  const data = proposals.data;
  return (
    <Box sx={{ mt: 2 }} data-testid="improvement-proposals">
      <Title title="resources.improvement-proposals.name" />
      {proposals.error && <Alert severity="error">{translate('app.improvements.failed', { message: proposals.error.message })}</Alert>}
      {data && (
        <>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.improvements.proposals_intro', { days: data.periodDays, min: data.minCount })}
          </Alert>
          {data.proposals.length === 0 && <Typography color="text.secondary">{translate('app.improvements.proposals_empty')}</Typography>}
          {data.proposals.map((proposal) => (
            <Section
              key={proposal.key}
              testId="improvement-proposal"
              title={`${proposal.hallName} · ${proposal.serviceItemName ?? translate('app.improvements.no_item')} · ${proposal.reasonLabel}`}
              help={translate('app.improvements.period', { first: beijingDateTime(proposal.firstAt), last: beijingDateTime(proposal.lastAt) })}
              action={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Chip color="error" label={translate('app.improvements.count', { count: proposal.count })} />
                  {canDecide && (
                    <>
                      <Button variant="contained" onClick={() => setAccepting(proposal)} data-testid="improvement-accept">
                        {translate('app.improvements.accept')}
                      </Button>
                      <Button color="inherit" onClick={() => setDismissing(proposal)} data-testid="improvement-dismiss">
                        {translate('app.improvements.dismiss')}
                      </Button>
                    </>
                  )}
                </Stack>
              }
            >
              <ImprovementReviews reviews={proposal.reviews} />
            </Section>
          ))}
        </>
      )}
      {accepting && <AcceptDialog proposal={accepting} busy={accept.isPending} onSubmit={(body) => accept.mutate(body)} onClose={() => setAccepting(undefined)} />}
      {dismissing && (
        <NoteDialog
          title={translate('app.improvements.dismiss')}
          label={translate('app.improvements.reason')}
          busy={dismiss.isPending}
          onSubmit={(reason) => dismiss.mutate({ key: dismissing.key, reason })}
          onClose={() => setDismissing(undefined)}
        />
      )}
    </Box>
  );
};
