-- AlterTable
ALTER TABLE "rectification_case" ADD COLUMN     "assignee_name" TEXT,
ADD COLUMN     "assignee_user_id" TEXT,
ADD COLUMN     "callback_outcome" TEXT,
ADD COLUMN     "invited_department_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "original_result_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "owner" TEXT NOT NULL DEFAULT 'HALL';

-- CreateIndex
CREATE INDEX "rectification_case_assignee_user_id_idx" ON "rectification_case"("assignee_user_id");

-- CreateIndex
CREATE INDEX "rectification_case_invited_department_codes_idx" ON "rectification_case" USING GIN ("invited_department_codes");

-- Backfill rows projected before these columns existed, from the timeline the workflow wrote (the next projection
-- of an open case rewrites them from the state, a closed case is never projected again).
-- Invited departments: each invitation's entry carries the full list so far.
UPDATE "rectification_case" c SET "invited_department_codes" = ARRAY(SELECT jsonb_array_elements_text(e."details"->'invitedDepartmentCodes'))
FROM (
  SELECT DISTINCT ON ("review_id") "review_id", "details" FROM "rectification_timeline_entry"
  WHERE jsonb_typeof("details"->'invitedDepartmentCodes') = 'array' ORDER BY "review_id", "seq" DESC
) e
WHERE e."review_id" = c."review_id";

-- Assignee: the latest reassignment.
UPDATE "rectification_case" c SET "assignee_user_id" = e."details"->>'assigneeUserId', "assignee_name" = e."details"->>'assigneeName'
FROM (
  SELECT DISTINCT ON ("review_id") "review_id", "details" FROM "rectification_timeline_entry"
  WHERE ("details"->'assigneeUserId') IS NOT NULL ORDER BY "review_id", "seq" DESC
) e
WHERE e."review_id" = c."review_id";

-- Owner: 不满意 reopened the case to the county.
UPDATE "rectification_case" c SET "owner" = 'COUNTY'
WHERE EXISTS (SELECT 1 FROM "rectification_timeline_entry" e WHERE e."review_id" = c."review_id" AND e."details"->>'owner' = 'COUNTY');

-- Callback outcome: a reached callback, or the system's 无法联系 entry.
UPDATE "rectification_case" c SET "callback_outcome" = CASE
    WHEN EXISTS (SELECT 1 FROM "rectification_timeline_entry" e WHERE e."review_id" = c."review_id" AND e."details"->>'reached' = 'true') THEN 'REACHED'
    ELSE 'UNREACHABLE'
  END
WHERE EXISTS (
  SELECT 1 FROM "rectification_timeline_entry" e
  WHERE e."review_id" = c."review_id" AND (e."details"->>'reached' = 'true' OR e."details"->>'callbackOutcome' = 'UNREACHABLE')
);

-- Original result due time: the latest approved extension's, unless a reclassification recounted the clock after it.
UPDATE "rectification_case" c SET "original_result_due_at" = (e."details"->>'originalResultDueAt')::timestamptz
FROM (
  SELECT DISTINCT ON ("review_id") "review_id", "details" FROM "rectification_timeline_entry"
  WHERE ("details"->'originalResultDueAt') IS NOT NULL OR ("details"->'previousCategory') IS NOT NULL ORDER BY "review_id", "seq" DESC
) e
WHERE e."review_id" = c."review_id" AND (e."details"->'originalResultDueAt') IS NOT NULL;
