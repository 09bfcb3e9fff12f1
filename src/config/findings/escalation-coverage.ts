import { msg } from '../../i18n/message.js';
import { isWindowOpen, WEEKDAYS, type Weekday } from '../availability.js';
import type { Inventory, Person } from '../schema.js';
import type { Finding } from './finding.js';

const MONDAY_FIRST: readonly Weekday[] = [...WEEKDAYS.slice(1), 'sun'];
const MINUTES_PER_DAY = 24 * 60;

/**
 * Every escalation level must reach someone at every minute of the week, by the same availability
 * rule paging uses. Runtime on-call overrides can fill a gap, so a gap is a warning that lists
 * its hours (`sat 00:00–24:00, sun 00:00–08:00`); a level whose roles nobody holds is an error.
 */
export function escalationCoverageFindings(inventory: Inventory): Finding[] {
  if (inventory.team.length === 0) return [];
  return (['N1', 'N2', 'N3'] as const).flatMap((level): Finding[] => {
    const roles = inventory.escalation.levels[level].roles;
    const path = ['escalation', 'levels', level, 'roles'];
    const people = inventory.team.filter((person) => person.roles.some((role) => roles.includes(role)));
    if (people.length === 0) {
      return [
        {
          severity: 'error',
          path,
          message: msg('config.finding.levelNobody', { level, roles: roles.join(', ') }),
        },
      ];
    }
    const gaps = uncoveredRanges(people);
    if (gaps.length === 0) return [];
    return [
      {
        severity: 'warning',
        path,
        message: msg('config.finding.levelGaps', { level, hours: gaps.join(', ') }),
      },
    ];
  });
}

/** The week's stretches nobody of `people` covers, per day, as `day HH:MM–HH:MM`. */
export function uncoveredRanges(people: readonly Pick<Person, 'availability'>[]): string[] {
  return MONDAY_FIRST.flatMap((day) => {
    const ranges: string[] = [];
    let start: number | undefined;
    for (let minute = 0; minute <= MINUTES_PER_DAY; minute += 1) {
      const covered =
        minute === MINUTES_PER_DAY || people.some((person) => isWindowOpen(person.availability, day, minute));
      if (!covered && start === undefined) start = minute;
      if (covered && start !== undefined) {
        ranges.push(`${day} ${clock(start)}–${clock(minute)}`);
        start = undefined;
      }
    }
    return ranges;
  });
}

function clock(minutes: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
