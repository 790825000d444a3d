-- AlterTable
ALTER TABLE "rectification_case" ADD COLUMN     "callback_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "category" TEXT,
ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "confirmation_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "escalation_level" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "overdue" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "result_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_policy_version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "rectification_case_overdue_escalation_level_idx" ON "rectification_case"("overdue", "escalation_level");

-- CreateIndex
CREATE INDEX "rectification_case_result_due_at_idx" ON "rectification_case"("result_due_at");
