// The server entry of @haochaping/privacy: what needs node:crypto or the file system.
export { DataProtector, DecryptionError } from './data-protector';
export { DATA_KEY_ENV, parseDataKey, ensureDataKeyFile, randomDataKey, dataKeyFromEnv, TEST_DATA_KEY } from './data-key';
export { newTrackingCode } from './new-tracking-code';
