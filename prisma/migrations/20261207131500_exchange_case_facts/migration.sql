-- Upward exchange (issue 15): rectification results and 不予采纳 decisions go up too. Their outbox rows are written by
-- the case projection with the timeline entry they report, and name that entry (review_id, timeline_seq), from which the
-- worker builds the record when it is first sent. Null for a REVIEW row.
ALTER TABLE "exchange_delivery" ADD COLUMN "timeline_seq" INTEGER;
