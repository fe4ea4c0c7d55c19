// The curated crosswalks that place O*NET's occupations in the curated graph: knowledge areas to
// school subjects, SOC groups to fields, O*NET skills to the curated skills that mean the same, and
// the fields, subjects and subject → field links the crosswalks needed that the seed lacked.
// Each is a JSON file beside this one, reviewed like the seed and checked here before use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { relationshipSpec } from '../../model/data-model.ts';
import { ONET_DIR } from '../../model/paths.ts';
import { propertyRule, SEED_SCHEMAS, slug } from '../../model/rules.ts';
import type { SeedRecord } from '../../model/types.ts';

const whySpec = relationshipSpec('INCLUDES').properties.find((p) => p.name === 'why');
if (!whySpec) throw new Error('The data model gives INCLUDES no why.');
const why = propertyRule(whySpec) as z.ZodType<string>;

const knowledgeSchema = z.object({
  version: z.string(),
  areas: z.array(
    z.object({
      elementId: z.string().regex(/^2\.C\./),
      name: z.string(),
      subjects: z.array(z.object({ subject: slug, why })),
      note: z.string().optional(),
    }),
  ),
});

const socSchema = z.object({
  version: z.string(),
  groups: z.array(
    z.object({
      // "29" (major group), "29-1" (minor), "29-114" (broad), "29-1141" (detailed) or a full code.
      soc: z.string().regex(/^\d{2}(-\d{1,4}(\.\d{2})?)?$/),
      title: z.string(),
      fields: z.array(z.object({ field: slug, why })).min(1),
    }),
  ),
});

const skillsSchema = z.object({
  skills: z.array(
    z.object({
      elementId: z.string().regex(/^2\.[AB]\./),
      name: z.string(),
      skill: slug.nullable(),
      note: z.string().optional(),
    }),
  ),
});

// O*NET Technology Skills examples that are the same concept as a curated tool (never a product mapped
// to its category: Microsoft Excel stays a tool of its own beside the curated Spreadsheets).
const technologySchema = z.object({
  note: z.string().optional(),
  tools: z.array(
    z.object({
      example: z.string().min(1),
      skill: slug,
      note: z.string().optional(),
    }),
  ),
  names: z
    .array(z.object({ example: z.string().min(1), name: z.string(), note: z.string().optional() }))
    .default([]),
});

const linksSchema = z.object({
  links: z.array(
    z.object({
      subject: slug,
      field: slug,
      weight: z.number().min(0).max(1),
      why,
    }),
  ),
});

export type KnowledgeCrosswalk = z.infer<typeof knowledgeSchema>;
export type SocCrosswalk = z.infer<typeof socSchema>;
export type SkillsCrosswalk = z.infer<typeof skillsSchema>;
export type SubjectFieldLinks = z.infer<typeof linksSchema>;
export type TechnologyCrosswalk = z.infer<typeof technologySchema>;

export interface Crosswalks {
  knowledge: KnowledgeCrosswalk;
  soc: SocCrosswalk;
  skills: SkillsCrosswalk;
  technology: TechnologyCrosswalk;
  links: SubjectFieldLinks;
  fieldsAdded: SeedRecord<'Field'>[];
  subjectsAdded: SeedRecord<'Subject'>[];
}

export class CrosswalkError extends Error {
  override name = 'CrosswalkError';
}

function read<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    throw new CrosswalkError(`${file}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new CrosswalkError(`${file}: ${issues.slice(0, 10).join('; ')}`);
  }
  return result.data;
}

export function readCrosswalks(dir = ONET_DIR): Crosswalks {
  return {
    knowledge: read(dir, 'knowledge-subjects.json', knowledgeSchema),
    soc: read(dir, 'soc-fields.json', socSchema),
    skills: read(dir, 'skills-crosswalk.json', skillsSchema),
    technology: read(dir, 'technology-crosswalk.json', technologySchema),
    links: read(dir, 'subject-field-links.json', linksSchema),
    fieldsAdded: read(dir, 'fields-added.json', z.array(SEED_SCHEMAS.Field)),
    subjectsAdded: read(dir, 'subjects-added.json', z.array(SEED_SCHEMAS.Subject)),
  };
}

/** The crosswalk entry for an occupation: the longest SOC prefix that has one. */
export function socEntryFor(
  crosswalk: SocCrosswalk,
  code: string,
): SocCrosswalk['groups'][number] | undefined {
  let best: SocCrosswalk['groups'][number] | undefined;
  for (const group of crosswalk.groups) {
    if (code.startsWith(group.soc) && (!best || group.soc.length > best.soc.length)) best = group;
  }
  return best;
}
