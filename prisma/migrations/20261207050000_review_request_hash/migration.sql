-- A keyed hash of the normalised request a review was recorded from: a retry with the same client key and the same
-- body gets the first review again, the same key with a different body is refused (409 CLIENT_KEY_REUSED).
-- Null for the reviews recorded before: their retries are answered with the first review, as before.
ALTER TABLE "review" ADD COLUMN "request_hash" TEXT;
