import RateReviewIcon from '@mui/icons-material/RateReview';
import type { ReviewRecord } from './review-filters';
import { ReviewList } from './ReviewList';
import { ReviewShow } from './ReviewShow';

/** 评价记录: list (filters, CSV export of the current filter) and show; reviews are never edited in the console. */
export default {
  list: ReviewList,
  show: ReviewShow,
  icon: RateReviewIcon,
  recordRepresentation: (record: ReviewRecord) => `${record.hallName} · ${record.levelLabel}`,
};
