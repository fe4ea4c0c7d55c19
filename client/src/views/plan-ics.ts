// A plan's dated milestones as an iCalendar file (RFC 5545): one all-day event per milestone, text
// escaped, lines folded at 75 octets, CRLF line ends. Pure, so it is unit-tested without a browser.

export interface IcsMilestone {
  id: string;
  title: string;
  why: string;
  note: string;
  due: string | null;
  done: boolean;
}

export interface IcsPlan {
  title: string;
  milestones: readonly IcsMilestone[];
}

/** TEXT values: backslash, semicolon and comma are escaped, and line breaks become \n (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replaceAll(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so no line is longer than 75 octets of UTF-8 (RFC 5545 3.1): continuation lines
 * start with one space. A multi-byte character is never split.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines spend one octet on the space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (isoDate: string) => isoDate.replaceAll('-', '');

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const stamp = (now: Date) => `${now.toISOString().replaceAll(/[-:]/g, '').slice(0, 15)}Z`;

/** The calendar; milestones without a date are left out. */
export function planToIcs(plan: IcsPlan, now: Date = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pathways//Action plan//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(plan.title)}`,
  ];
  for (const m of plan.milestones) {
    if (!m.due || !/^\d{4}-\d{2}-\d{2}$/.test(m.due)) continue;
    const description = [m.why, m.note ? `My note: ${m.note}` : ''].filter(Boolean).join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${m.id}@pathways.plan`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compactDate(m.due)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(m.due))}`,
      `SUMMARY:${escapeText(`${m.done ? 'Done: ' : ''}${m.title}`)}`,
      ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
