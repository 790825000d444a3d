import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import { FeedbackEntryPage } from './FeedbackEntryPage';

export default {
  list: FeedbackEntryPage,
  icon: RecordVoiceOverIcon,
};
