export { createPrismaClient, type PrismaClientOptions } from './prisma-client';
export { PrismaClient, Prisma } from '@prisma/client';
export type { Hall, Review, ReviewChannel, RectificationCase, RectificationTimelineEntry, OutboxMessage } from '@prisma/client';
export { seedReferenceData, seedDemoData, HALLS } from './seed';
export { enqueueRectificationStart } from './outbox';
