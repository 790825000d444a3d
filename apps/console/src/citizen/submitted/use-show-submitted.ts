import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { SubmittedReview } from '../api/citizen-api';
import type { SubmittedState } from './SubmittedPage';

/** Moves to the success page of a recorded review: the code in the path survives a reload. */
export function useShowSubmitted(): (review: SubmittedReview) => void {
  const navigate = useNavigate();
  return useCallback(
    (review: SubmittedReview) => {
      const state: SubmittedState = { level: review.level, created: review.created };
      void navigate(`/citizen/done/${encodeURIComponent(review.trackingCode)}`, { state });
    },
    [navigate],
  );
}
