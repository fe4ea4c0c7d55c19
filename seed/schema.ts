// The shape of the curated seed files, read off the data model (model/rules.ts). Validated at load so
// a malformed file stops the load with file, record and field named, before anything touches the graph.
import { SEED_SCHEMAS } from '../model/rules.ts';
import type { SeedRecord } from '../model/types.ts';

export const subjectSchema = SEED_SCHEMAS.Subject;
export const fieldSchema = SEED_SCHEMAS.Field;
export const skillSchema = SEED_SCHEMAS.Skill;
export const careerSchema = SEED_SCHEMAS.Career;
export const courseSchema = SEED_SCHEMAS.Course;
export const applicationSchema = SEED_SCHEMAS.Application;

export type SubjectInput = SeedRecord<'Subject'>;
export type FieldInput = SeedRecord<'Field'>;
export type SkillInput = SeedRecord<'Skill'>;
export type CareerInput = SeedRecord<'Career'>;
export type CourseInput = SeedRecord<'Course'>;
export type ApplicationInput = SeedRecord<'Application'>;
