// What each GraphQL enum value stands for in the graph. Codegen types the resolvers with these
// internal values (codegen.ts), and Apollo translates at the edge both ways, so no resolver casts
// between the API's names and the stored ones. A value missing here fails typecheck.
export const ENUM_VALUES = {
  SkillKind: { HARD: 'hard', SOFT: 'soft', TOOL: 'tool' },
  Outlook: { BRIGHT: 'bright', STEADY: 'steady', LIMITED: 'limited' },
  CourseFormat: { SCHOOL: 'school', UNIVERSITY: 'university', ONLINE: 'online', WORKSHOP: 'workshop' },
  CourseLevel: {
    SECONDARY: 'secondary',
    INTRODUCTORY: 'introductory',
    INTERMEDIATE: 'intermediate',
    ADVANCED: 'advanced',
  },
  Level: { BASIC: 'basic', INTERMEDIATE: 'intermediate', ADVANCED: 'advanced' },
  Role: { COUNSELLOR: 'counsellor', ADMIN: 'admin' },
  MilestoneKind: {
    SUBJECT: 'subject',
    COURSE: 'course',
    APPLICATION: 'application',
    SOFT_SKILL: 'soft-skill',
    MENTOR: 'mentor',
    OWN: 'own',
  },
} as const;
