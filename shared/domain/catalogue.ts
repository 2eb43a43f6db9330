// 公共信用信息目录: the shape of a catalogue item and the plan's three classes. Pure.
import { z } from 'zod';

export const INFO_CLASSES = ['government', 'enforcement', 'education'] as const;
export type InfoClass = (typeof INFO_CLASSES)[number];

export const SUBJECT_KINDS = ['teacher', 'student', 'public_school', 'private_school', 'training', 'practitioner'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const POLARITIES = ['positive', 'negative'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const catalogueItemInput = z
  .object({
    code: z.string().trim().regex(/^[A-Z]-[A-Z0-9]{2,8}$/),
    nameZh: z.string().trim().min(2).max(200),
    nameEn: z.string().trim().min(2).max(300),
    infoClass: z.enum(INFO_CLASSES),
    subjectKinds: z.array(z.enum(SUBJECT_KINDS)).min(1),
    polarity: z.enum(POLARITIES),
    points: z.number().int().min(-100).max(100),
    disclosureMonths: z.number().int().min(1).max(120),
    evidenceRequired: z.boolean(),
    releasable: z.boolean().default(false),
  })
  .refine((i) => (i.polarity === 'positive' ? i.points >= 0 : i.points <= 0), { message: 'pointsSign', path: ['points'] });
export type CatalogueItemInput = z.output<typeof catalogueItemInput>;

export const catalogueDocument = z.object({
  version: z.number().int().min(1),
  publishedAt: z.string(),
  publisher: z.string(),
  note: z.string(),
  items: z.array(catalogueItemInput).min(1),
});
export type CatalogueDocument = z.output<typeof catalogueDocument>;
