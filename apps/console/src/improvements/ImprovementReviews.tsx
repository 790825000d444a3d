import { Link, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useCreatePath, useTranslate } from 'react-admin';
import { REVIEW_CHANNEL_LABELS, reviewLevelLabel } from '@haochaping/contracts';
import { beijingDateTime } from '../shared/countdown';
import type { ImprovementReview } from './improvements.types';

/** The reviews behind a proposal or an item: what they say, never who said it; each opens its 评价记录. */
export const ImprovementReviews = ({ reviews, testId }: { reviews: readonly ImprovementReview[]; testId?: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.improvements.review_time')}</TableCell>
          <TableCell>{translate('app.improvements.review_level')}</TableCell>
          <TableCell>{translate('app.improvements.review_reasons')}</TableCell>
          <TableCell>{translate('app.improvements.review_comment')}</TableCell>
          <TableCell>{translate('app.improvements.review_channel')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {reviews.map((review) => (
          <TableRow key={review.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <Link component={RouterLink} to={createPath({ resource: 'reviews', type: 'show', id: review.id })}>
                {beijingDateTime(review.createdAt)}
              </Link>
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{reviewLevelLabel(review.level)}</TableCell>
            <TableCell>{review.optionCodes.join('、') || '—'}</TableCell>
            <TableCell>{review.comment ?? '—'}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{(REVIEW_CHANNEL_LABELS as Record<string, string>)[review.channel] ?? review.channel}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
