import { randomUUID } from 'node:crypto';
import type { HallKind, PrismaClient } from '@prisma/client';
import { isBadReview } from '@haochaping/contracts';
import { enqueueRectificationStart } from './outbox';

/** The county's 13 town/street service halls (DOMAIN.md). Codes are stable identifiers used in URLs and QR codes. */
export const HALLS: ReadonlyArray<{ code: string; name: string; kind: HallKind }> = [
  { code: 'jiaxiang', name: '嘉祥街道', kind: 'STREET' },
  { code: 'wolongshan', name: '卧龙山街道', kind: 'STREET' },
  { code: 'wanzhang', name: '万张街道', kind: 'STREET' },
  { code: 'jintun', name: '金屯镇', kind: 'TOWN' },
  { code: 'mandong', name: '满硐镇', kind: 'TOWN' },
  { code: 'zhifang', name: '纸坊镇', kind: 'TOWN' },
  { code: 'zhongshan', name: '仲山镇', kind: 'TOWN' },
  { code: 'menggujie', name: '孟姑集镇', kind: 'TOWN' },
  { code: 'laosengtang', name: '老僧堂镇', kind: 'TOWN' },
  { code: 'huanggai', name: '黄垓镇', kind: 'TOWN' },
  { code: 'liangbaosi', name: '梁宝寺镇', kind: 'TOWN' },
  { code: 'dazhanglou', name: '大张楼镇', kind: 'TOWN' },
  { code: 'macun', name: '马村镇', kind: 'TOWN' },
];

/** Master data every environment needs, production included. Idempotent. */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  for (const hall of HALLS) {
    await prisma.hall.upsert({ where: { code: hall.code }, update: { name: hall.name, kind: hall.kind }, create: hall });
  }
}

const DEMO_COMMENTS: Record<number, string[]> = {
  5: ['办事很快，工作人员很耐心', '一次就办好了，点赞'],
  4: ['整体不错', '等候时间不长'],
  3: ['还可以', '材料说明可以再清楚些'],
  2: ['排队时间太长，窗口只开了一个'],
  1: ['工作人员态度生硬，问了两遍都不耐烦'],
};

/**
 * A little life for a new user's system: some reviews across the halls, and two bad reviews queued in the
 * outbox so that their workflows start as soon as the API runs. Only when the database holds no review yet.
 * Returns the number of reviews written (0 when the database already had data).
 */
export async function seedDemoData(prisma: PrismaClient, now: Date = new Date()): Promise<number> {
  if ((await prisma.review.count()) > 0) return 0;
  const halls = await prisma.hall.findMany({ orderBy: { code: 'asc' } });
  let written = 0;
  await prisma.$transaction(async (tx) => {
    for (const [index, hall] of halls.entries()) {
      for (const level of [5, 4, 5, 3, index % 5 === 0 ? 2 : 4, index % 6 === 1 ? 1 : 5]) {
        const comments = DEMO_COMMENTS[level] ?? [];
        const review = await tx.review.create({
          data: {
            hallId: hall.id,
            level,
            comment: comments[written % comments.length] ?? null,
            channel: 'WINDOW_QR',
            clientKey: `demo-${randomUUID()}`,
            createdAt: new Date(now.getTime() - (written + 1) * 3_600_000),
          },
        });
        written += 1;
        if (isBadReview(level)) {
          await enqueueRectificationStart(tx, { reviewId: review.id, hallCode: hall.code, level, reviewedAt: review.createdAt.toISOString() });
        }
      }
    }
  });
  return written;
}
