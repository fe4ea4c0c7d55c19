// The plan's calendar export against RFC 5545: escaping, folding at 75 octets, CRLF, all-day dates.
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, planToIcs } from '../../client/src/views/plan-ics.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds the 76th onto a continuation line', () => {
    const exact = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(exact)).toBe(75);
    expect(foldLine(exact)).toBe(exact);
    const folded = foldLine(`${exact}y`);
    expect(folded).toBe(`${exact}\r\n y`);
  });

  it('keeps every physical line within 75 octets and never splits a character', () => {
    const line = `DESCRIPTION:${'é'.repeat(50)}${'🌊'.repeat(30)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.every((l) => octets(l) <= 75)).toBe(true);
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    // Unfolding (remove CRLF + one space) gives the line back, so no character was cut.
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
  });
});

describe('planToIcs', () => {
  const plan = {
    title: 'My plan: Hydrologist',
    milestones: [
      {
        id: 'm1',
        title: 'Take “Intro to GIS”, about 20 hours',
        why: 'It teaches GIS; maps matter.',
        note: 'Ask Ms Lee\nabout it',
        due: '2026-09-15',
        done: true,
      },
      { id: 'm2', title: 'No date yet', why: '', note: '', due: null, done: false },
    ],
  };
  const ics = planToIcs(plan, new Date('2026-08-01T10:20:30.456Z'));

  it('writes one all-day event per dated milestone, with CRLF line ends', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '').includes('\n')).toBe(false);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const unfolded = ics.replaceAll('\r\n ', '');
    expect(unfolded).toContain('\r\nUID:m1@pathways.plan\r\n');
    expect(unfolded).toContain('\r\nDTSTAMP:20260801T102030Z\r\n');
    expect(unfolded).toContain('\r\nDTSTART;VALUE=DATE:20260915\r\nDTEND;VALUE=DATE:20260916\r\n');
    expect(unfolded).toContain('\r\nSUMMARY:Done: Take “Intro to GIS”\\, about 20 hours\r\n');
    expect(unfolded).toContain(
      '\r\nDESCRIPTION:It teaches GIS\\; maps matter.\\n\\nMy note: Ask Ms Lee\\nabout it\r\n',
    );
  });

  it('rolls the end date over month and year ends', () => {
    const end = planToIcs({ title: 't', milestones: [{ ...plan.milestones[0]!, due: '2026-12-31' }] });
    expect(end).toContain('DTEND;VALUE=DATE:20270101');
  });

  it('keeps every line within 75 octets', () => {
    const long = planToIcs({
      title: 'x',
      milestones: [{ ...plan.milestones[0]!, why: 'A long reason, '.repeat(40) }],
    });
    expect(long.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
  });
});
