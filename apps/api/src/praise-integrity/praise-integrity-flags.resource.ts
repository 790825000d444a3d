import { defineSimpleRestResource } from '../common/simple-rest/simple-rest-list';
import { FLAG_RULES, FLAG_STATUSES } from './dto/praise-integrity-flags.dto';

/** The flag list's sort fields and filters (react-admin simple-rest). */
export const FLAGS_RESOURCE = defineSimpleRestResource({
  name: 'praise-integrity/flags',
  sortFields: ['detectedAt', 'day', 'status', 'rule'] as const,
  defaultSort: ['detectedAt', 'DESC'] as const,
  filters: {
    id: { type: 'codes' },
    status: { type: 'enum', values: FLAG_STATUSES },
    rule: { type: 'enum', values: FLAG_RULES },
    hallCode: { type: 'codes' },
  },
  maxPageSize: 200,
});
