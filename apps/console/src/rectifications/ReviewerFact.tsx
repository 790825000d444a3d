import { Button, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import type { CaseReviewer } from './rectification.types';

/**
 * The reviewer, masked; 查看完整信息 asks for the full name and phone, which the API gives only to the handler working
 * the case and the county supervisor (and records) — anyone else gets its refusal in Chinese.
 */
export const ReviewerFact = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [full, setFull] = useState<CaseReviewer | undefined>();
  const masked = useQuery({ queryKey: ['rectifications', 'reviewer', caseId], queryFn: () => dataProvider.getCaseReviewer(caseId, false), retry: false });
  const reviewer = full ?? masked.data;
  if (masked.isError) return <>{translate('app.rectification.reviewer_unavailable')}</>;
  if (!reviewer) return <>…</>;
  if (reviewer.kind === 'ANONYMOUS') return <>{translate('app.rectification.anonymous')}</>;
  const unmask = async () => {
    try {
      setFull(await dataProvider.getCaseReviewer(caseId, true));
    } catch (error) {
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" component="span" data-testid="reviewer">
        {[reviewer.name, reviewer.phone].filter(Boolean).join(' · ') || translate('app.rectification.real_name')}
      </Typography>
      {reviewer.masked && (
        <Button size="small" onClick={() => void unmask()}>
          {translate('app.rectification.unmask')}
        </Button>
      )}
    </Stack>
  );
};
