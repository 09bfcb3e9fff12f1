import type { Inventory } from '../config/schema.js';

/** A member of the team as the inventory lists them. */
export type TeamMember = Inventory['team'][number];

/** Case and accents aside: `/as dba`, `/as developpeur backend`. */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The team member named (display name or slackId, case and accents aside), or undefined. */
export function findTeamMember(inventory: Pick<Inventory, 'team'>, query: string): TeamMember | undefined {
  const wanted = folded(query.replace(/^@/, ''));
  return inventory.team.find((person) => folded(person.name) === wanted || folded(person.slackId) === wanted);
}
