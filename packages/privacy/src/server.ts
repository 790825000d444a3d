// The server entry of @haochaping/privacy: what needs node:crypto or the file system.
export { DataProtector, DecryptionError, MissingDataKeyError, keyIdOf, ciphertextHeader, KEY_ID_SQL_PATTERN, LEGACY_CIPHERTEXT_PREFIX } from './data-protector';
export { DATA_KEY_ENV, DATA_KEYS_ENV, ACTIVE_KEY_ENV, LEGACY_KEY_ID, DataKeyRing, parseDataKeys, dataKeyRingFromEnv, parseDataKey, ensureDataKeyFile, randomDataKey, dataKeyFromEnv, TEST_DATA_KEY } from './data-key';
export { newTrackingCode } from './new-tracking-code';
