import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import { FlagList } from './FlagList';
import { FlagShow } from './FlagShow';
import type { FlagRecord } from './praise-integrity.types';

/** 刷好评核查: list and show (the decision is on the show page); flags are never edited. */
export default {
  list: FlagList,
  show: FlagShow,
  icon: GppMaybeIcon,
  recordRepresentation: (record: FlagRecord) => `${record.day} · ${record.subjectLabel}`,
};
