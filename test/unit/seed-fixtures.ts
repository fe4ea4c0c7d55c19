// A tiny, hand-made seed that satisfies every rule but the minimum counts, for unit tests to break on purpose.
import type { SeedData } from '../../seed/read.ts';

const why = 'A sentence long enough to explain this link to a student.';

export function tinySeed(): SeedData {
  return {
    subjects: [
      {
        id: 'biology',
        name: 'Biology',
        description: 'The study of living things and how they work.',
        aliases: ['Bio'],
        leadsTo: [{ field: 'environmental-science', weight: 0.9, why }],
        develops: [{ skill: 'critical-thinking', weight: 0.7, why }],
      },
    ],
    fields: [
      {
        id: 'natural-sciences',
        name: 'Natural Sciences',
        description: 'Sciences of the natural world.',
        aliases: [],
      },
      {
        id: 'environmental-science',
        name: 'Environmental Science',
        description: 'How air, water, soil and life interact.',
        aliases: [],
        partOf: { field: 'natural-sciences', why },
      },
    ],
    skills: [
      {
        id: 'critical-thinking',
        name: 'Critical Thinking',
        description: 'Weighing evidence before deciding.',
        aliases: [],
        kind: 'soft',
      },
      {
        id: 'teamwork',
        name: 'Teamwork',
        description: 'Working well with others to a shared end.',
        aliases: [],
        kind: 'soft',
      },
      {
        id: 'field-sampling',
        name: 'Field Sampling',
        description: 'Collecting samples outdoors with care.',
        aliases: [],
        kind: 'hard',
      },
      {
        id: 'data-analysis',
        name: 'Data Analysis',
        description: 'Finding patterns and meaning in data.',
        aliases: [],
        kind: 'hard',
      },
    ],
    careers: ['hydrologist', 'ecologist', 'soil-scientist'].map((id) => ({
      id,
      name: id,
      description: 'Studies part of the natural environment for a living.',
      aliases: [],
      onetSoc: '19-2043.00',
      alternateTitles: [],
      typicalDay: [],
      jobZone: 5,
      education: "Bachelor's degree",
      riasec: 'IRC',
      outlook: 'steady' as const,
      outlookNote: 'About as many openings as most jobs.',
      fields: [{ field: 'environmental-science', why }],
      requires: [
        { skill: 'critical-thinking', importance: 0.8, level: 'advanced' as const, why },
        { skill: 'teamwork', importance: 0.6, level: 'intermediate' as const, why },
        { skill: 'field-sampling', importance: 0.7, level: 'intermediate' as const, why },
        { skill: 'data-analysis', importance: 0.7, level: 'intermediate' as const, why },
      ],
      drawsOn: [{ subject: 'biology', importance: 0.8, why }],
      relatedTo: [],
      uses: [],
    })),
    courses: [
      {
        id: 'intro-ecology',
        name: 'Intro to Ecology',
        description: 'A first course in how ecosystems work.',
        aliases: [],
        provider: 'Somewhere',
        format: 'online',
        level: 'introductory',
        hours: 20,
        teachesSubjects: [{ subject: 'biology', level: 'basic', why }],
        teachesSkills: [],
      },
    ],
    applications: [
      {
        id: 'river-testing',
        name: 'Testing a river',
        description: 'Measuring what is in river water.',
        aliases: [],
        example: 'A class samples the river behind the school for nitrates after heavy rain.',
        reflectionPrompt: 'Where might the nitrates have come from?',
        appliesSubjects: [{ subject: 'biology', why }],
        appliesSkills: [],
        usedIn: [{ career: 'hydrologist', why }],
      },
    ],
  };
}
