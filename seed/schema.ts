// The shape of the curated seed files. Validated at load so a malformed file stops
// the load with file, record and field named, before anything touches the graph.
import { z } from 'zod';

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "environmental-science"');

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const why = text(20, 300);
const unit = z.number().min(0).max(1);

const baseNode = {
  id: slug,
  name: text(2, 80),
  description: text(20, 600),
  aliases: z.array(text(2, 80)).default([]),
};

export const levelSchema = z.enum(['basic', 'intermediate', 'advanced']);

export const subjectSchema = z.strictObject({
  ...baseNode,
  leadsTo: z.array(z.strictObject({ field: slug, weight: unit, why })).min(1),
  develops: z.array(z.strictObject({ skill: slug, weight: unit, why })).min(1),
});

export const fieldSchema = z.strictObject({
  ...baseNode,
  partOf: z.strictObject({ field: slug, why }).optional(),
});

export const skillKindSchema = z.enum(['hard', 'soft', 'tool']);

export const skillSchema = z.strictObject({
  ...baseNode,
  kind: skillKindSchema,
});

export const outlookSchema = z.enum(['bright', 'steady', 'limited']);

export const careerSchema = z.strictObject({
  ...baseNode,
  onetSoc: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an O*NET-SOC code such as "19-2041.00"'),
  jobZone: z.number().int().min(1).max(5),
  education: text(5, 120),
  riasec: z
    .string()
    .regex(
      /^(?!.*(.).*\1)[RIASEC]{1,3}$/,
      'must be one to three distinct letters of RIASEC, strongest first',
    ),
  outlook: outlookSchema,
  outlookNote: text(10, 300),
  fields: z.array(z.strictObject({ field: slug, why })).min(1),
  requires: z.array(z.strictObject({ skill: slug, importance: unit, level: levelSchema, why })).min(4),
  drawsOn: z.array(z.strictObject({ subject: slug, importance: unit, why })).min(1),
  relatedTo: z.array(z.strictObject({ career: slug, score: unit, why })).default([]),
});

export const courseFormatSchema = z.enum(['school', 'university', 'online', 'workshop']);
export const courseLevelSchema = z.enum(['secondary', 'introductory', 'intermediate', 'advanced']);

export const courseSchema = z.strictObject({
  ...baseNode,
  provider: text(2, 120),
  format: courseFormatSchema,
  level: courseLevelSchema,
  hours: z.number().positive().max(2000),
  teachesSubjects: z.array(z.strictObject({ subject: slug, level: levelSchema, why })).default([]),
  teachesSkills: z.array(z.strictObject({ skill: slug, level: levelSchema, why })).default([]),
});

export const applicationSchema = z.strictObject({
  ...baseNode,
  example: text(30, 600),
  reflectionPrompt: text(15, 300).refine((s) => s.endsWith('?'), 'must be a question ending in "?"'),
  appliesSubjects: z.array(z.strictObject({ subject: slug, why })).default([]),
  appliesSkills: z.array(z.strictObject({ skill: slug, why })).default([]),
  usedIn: z.array(z.strictObject({ career: slug, why })).default([]),
});

export type SubjectInput = z.infer<typeof subjectSchema>;
export type FieldInput = z.infer<typeof fieldSchema>;
export type SkillInput = z.infer<typeof skillSchema>;
export type CareerInput = z.infer<typeof careerSchema>;
export type CourseInput = z.infer<typeof courseSchema>;
export type ApplicationInput = z.infer<typeof applicationSchema>;
