export { startUpstreamSimulator, type Fault, type FaultMode, type RecordResult, type RecordOutcome, type SimulatorOptions, type SimulatorStats, type UpstreamSimulator } from './simulator';
export { RECORD_SCHEMAS, RECORD_TYPES, PF_CODES, countingTime, type RecordType, type UpstreamRecord } from './record-schema';
export { recordErrors } from './check-record';
