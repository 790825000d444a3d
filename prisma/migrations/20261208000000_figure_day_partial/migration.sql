-- A day not settled yet keeps the counters of its good reviews (levels 3 to 5) in figure_day, its rest counted live
-- (prisma/src/figures/figure-days.ts). A write to a review of a past day marks the day dirty as before.
ALTER TABLE "figure_day_status" ADD COLUMN "partial" BOOLEAN NOT NULL DEFAULT false;
