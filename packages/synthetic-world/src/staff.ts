/**
 * Synthetic practitioners: social workers and offender managers. Names come from the same pools as
 * the population, so they look like the workforce of a northern English city.
 */

import { type NameOrigin, originWeights, pickFamilyName, pickGivenName } from "./names.js";
import type { Random } from "./random.js";

export function practitionerName(random: Random): string {
  const origin: NameOrigin = originWeights.pick(random);
  const sex = random.chance(0.75) ? "female" : "male";
  const given = pickGivenName(random, origin, sex, random.int(1965, 1998));
  return `${given} ${pickFamilyName(random, origin)}`;
}

export const childrensTeams: readonly string[] = [
  "Children's Social Work Service - East North East",
  "Children's Social Work Service - South South East",
  "Children's Social Work Service - West North West",
  "Children Looked After Team",
  "Leaving Care Service",
  "Disabled Children's Team",
];

export const adultTeams: readonly string[] = [
  "Adult Social Care - Safeguarding Team",
  "Adult Social Care - Neighbourhood Team North",
  "Adult Social Care - Neighbourhood Team South",
  "Community Mental Health Team",
];
