// The pure entry of @haochaping/privacy (no Node built-ins; the console bundles it): phone rules, masking, tracking
// code format. Encryption, keyed hashes, data keys and new tracking codes need node:crypto: `@haochaping/privacy/server`.
export { normalizePhone, isMobilePhone, isContactPhone } from './phone';
export { maskPhone, maskName, lastFourDigits } from './masking';
export { normalizeTrackingCode, TRACKING_CODE_LENGTH, TRACKING_CODE_ALPHABET } from './tracking-code';
