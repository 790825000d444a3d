export { DataProtector, DecryptionError, normalizePhone, isMobilePhone, isContactPhone } from './data-protector';
export { maskPhone, maskName, lastFourDigits } from './masking';
export { DATA_KEY_ENV, parseDataKey, ensureDataKeyFile, randomDataKey, dataKeyFromEnv, TEST_DATA_KEY } from './data-key';
export { newTrackingCode, normalizeTrackingCode, TRACKING_CODE_LENGTH } from './tracking-code';
