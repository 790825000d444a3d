export { startUpstreamSimulator, type Fault, type FaultMode, type RecordResult, type RecordOutcome, type SimulatorOptions, type SimulatorStats, type UpstreamSimulator } from './simulator';
export { RECORD_SCHEMAS, RECORD_TYPES, PF_CODES, ONLINE_REVIEW_SCHEMA, countingTime, type OnlineReview, type RecordType, type UpstreamRecord } from './record-schema';
export { onlineReviewErrors, recordErrors } from './check-record';
