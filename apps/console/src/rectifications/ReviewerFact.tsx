import { Button, Stack, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { useNotifyRefusal } from '../shared/use-notify-refusal';
import type { CaseReviewer } from './rectification.types';

/**
 * The reviewer, masked; 查看完整信息 asks for the full name and phone, which the API gives only to the handler working
 * the case and the county supervisor (and records) — anyone else gets its refusal in Chinese.
 */
export const ReviewerFact = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const notifyRefusal = useNotifyRefusal();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const masked = useQuery({ queryKey: ['rectifications', 'reviewer', caseId], queryFn: () => dataProvider.getCaseReviewer(caseId, false), retry: false });
  // Each 查看完整信息 is a request the API records: a mutation, never cached or refetched.
  const unmask = useMutation({ mutationFn: () => dataProvider.getCaseReviewer(caseId, true), onError: notifyRefusal });
  const reviewer: CaseReviewer | undefined = unmask.data ?? masked.data;
  if (masked.isError) return <>{translate('app.rectification.reviewer_unavailable')}</>;
  if (!reviewer) return <>…</>;
  if (reviewer.kind === 'ANONYMOUS') return <>{translate('app.rectification.anonymous')}</>;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" component="span" data-testid="reviewer">
        {[reviewer.name, reviewer.phone].filter(Boolean).join(' · ') || translate('app.rectification.real_name')}
      </Typography>
      {reviewer.masked && (
        <Button size="small" onClick={() => unmask.mutate()}>
          {translate('app.rectification.unmask')}
        </Button>
      )}
    </Stack>
  );
};
