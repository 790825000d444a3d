/** The API's answers (apps/api/src/improvements/dto/improvements.dto.ts), as the screens read them. */
export interface ImprovementReview {
  id: string;
  level: number;
  optionCodes: string[];
  comment: string | null;
  channel: string;
  createdAt: string;
}

/** What recurred: the hall, the service item (none for feedback on a hall) and the reason code or theme. */
export interface Recurrence {
  key: string;
  hallCode: string;
  hallName: string;
  serviceItemCode: string | null;
  serviceItemName: string | null;
  reasonKind: 'OPTION' | 'THEME';
  reasonCode: string;
  reasonLabel: string;
}

export interface ImprovementProposal extends Recurrence {
  count: number;
  firstAt: string;
  lastAt: string;
  reviews: ImprovementReview[];
}

export interface ImprovementProposals {
  periodFrom: string;
  periodTo: string;
  minCount: number;
  periodDays: number;
  proposals: ImprovementProposal[];
}

export type ImprovementStatus = 'PENDING' | 'IN_PROGRESS' | 'DONE';
export type ImprovementAction = 'progress' | 'complete' | 'reopen';
export type OwnerKind = 'HALL' | 'DEPARTMENT';

export interface ImprovementItem extends Recurrence {
  id: string;
  title: string;
  ownerKind: OwnerKind;
  ownerCode: string;
  ownerName: string;
  dueDate: string;
  status: ImprovementStatus;
  statusLabel: string;
  overdue: boolean;
  completionNote: string | null;
  reviewCount: number;
  acceptedBy: string;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  allowedActions: ImprovementAction[];
}

export interface ImprovementHistoryEntry {
  at: string;
  action: string;
  actorId: string;
  actorRole: string;
  note: string | null;
  fromStatus: string | null;
  toStatus: string | null;
}

export interface ImprovementItemDetail extends ImprovementItem {
  reviews: ImprovementReview[];
  history: ImprovementHistoryEntry[];
}

export interface AcceptProposal {
  key: string;
  ownerKind: OwnerKind;
  ownerCode: string;
  dueDate: string;
  title?: string;
}
