import { Alert, Box, Button, CircularProgress, TextField } from '@mui/material';
import { useRef, useState } from 'react';
import { isBadReview } from '@haochaping/contracts';
import { citizenApi, CitizenApiError, type ReviewTarget, type ServiceNature, type SubmittedReview } from '../api/citizen-api';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { asCitizenApiError, useLoad } from '../shared/use-load';
import { newClientKey } from './client-key';
import { LevelPicker } from './LevelPicker';
import { ReasonOptions } from './ReasonOptions';
import { ReviewerChoice } from './ReviewerChoice';
import {
  COMMENT_MAX_LENGTH,
  emptyDraft,
  hasErrors,
  reasonVisibility,
  toSubmission,
  validateRatingDraft,
  withLevel,
  withOptionToggled,
  type RatingDraft,
  type ReviewerMode,
} from './rating-rules';

interface RatingFormProps {
  /** Picks the option set (线下窗口 / 网上办事). */
  nature: ServiceNature;
  /** Where the rating goes; null while the page still lacks something (the hall), named by `missingTarget`. */
  target: ReviewTarget | null;
  missingTarget?: string;
  mode: ReviewerMode;
  onSubmitted: (review: SubmittedReview) => void;
}

/** The one rating form of every channel: level, reasons, comment, real-name or anonymous, submit. */
export function RatingForm({ nature, target, missingTarget, mode, onSubmitted }: RatingFormProps) {
  const [draft, setDraft] = useState<RatingDraft>(() => emptyDraft(mode));
  // One key per form, kept across retries: a submission whose answer got lost is not recorded twice.
  const [clientKey] = useState(newClientKey);
  const [showErrors, setShowErrors] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<CitizenApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [optionSet, reloadOptionSet] = useLoad((signal) => citizenApi.getCurrentOptionSet(nature, signal), [nature]);

  const errors = showErrors ? validateRatingDraft(draft, mode) : {};
  const update = (change: Partial<RatingDraft>) => setDraft((current) => ({ ...current, ...change }));
  const visibility = reasonVisibility(draft.level);

  async function submit() {
    setSubmitError(null);
    const found = validateRatingDraft(draft, mode);
    if (hasErrors(found) || !target) {
      setShowErrors(true);
      // The first message may be below the fold on a phone: bring it into view.
      requestAnimationFrame(() => formRef.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      return;
    }
    setSubmitting(true);
    try {
      onSubmitted(await citizenApi.submitReview(target, toSubmission(draft, mode, clientKey)));
    } catch (error) {
      setSubmitError(asCitizenApiError(error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Box
      component="form"
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <LevelPicker value={draft.level} onChange={(level) => setDraft((current) => withLevel(current, level))} error={errors.level} />

      {optionSet.status === 'failed' && visibility !== 'hidden' ? (
        <ApiErrorAlert error={optionSet.error} title="评价选项加载失败" onRetry={reloadOptionSet} />
      ) : null}
      {optionSet.status === 'loading' && visibility !== 'hidden' ? <CircularProgress size={24} sx={{ mt: 2 }} aria-label="正在加载评价选项" /> : null}
      <ReasonOptions
        visibility={visibility}
        options={optionSet.status === 'done' ? optionSet.data.options : []}
        selected={draft.optionCodes}
        optionalOpen={draft.optionalReasonsOpen}
        onToggle={(code) => setDraft((current) => withOptionToggled(current, code))}
        onOpenOptional={() => update({ optionalReasonsOpen: true })}
        error={errors.reason}
      />

      <TextField
        label={draft.level !== null && isBadReview(draft.level) ? '评价内容（没有选择原因时必填）' : '评价内容（选填）'}
        placeholder="请说说您遇到的情况或建议"
        multiline
        minRows={3}
        fullWidth
        value={draft.comment}
        onChange={(event) => update({ comment: event.target.value })}
        error={Boolean(errors.comment)}
        helperText={errors.comment ?? `${draft.comment.trim().length}/${COMMENT_MAX_LENGTH}`}
        // No maxLength: a pasted text longer than allowed is shown with its count, never silently cut.
        sx={{ mt: 3 }}
      />

      <ReviewerChoice
        mode={mode}
        kind={draft.reviewerKind}
        name={draft.reviewerName}
        phone={draft.reviewerPhone}
        errors={errors}
        onKind={(reviewerKind) => update({ reviewerKind })}
        onName={(reviewerName) => update({ reviewerName })}
        onPhone={(reviewerPhone) => update({ reviewerPhone })}
      />

      {showErrors && !target && missingTarget ? (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {missingTarget}
        </Alert>
      ) : null}
      {submitError ? <ApiErrorAlert error={submitError} /> : null}

      <Button type="submit" variant="contained" fullWidth disabled={submitting} sx={{ mt: 3, minHeight: 52, fontSize: 18 }}>
        {submitting ? '正在提交…' : submitError ? '重新提交' : '提交评价'}
      </Button>
    </Box>
  );
}
