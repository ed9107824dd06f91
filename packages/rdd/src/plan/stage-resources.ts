/**
 * The ResourceProfile of a stage: the one given (withResources) to the RDDs its tasks compute,
 * i.e. the stage's narrow lineage. As Spark without spark.scheduler.resource.profileMergeConflicts,
 * two different profiles in one stage are refused.
 */
import type { RDD } from '../rdd.js';
import type { ResourceProfile } from '../resource-profile.js';
import { lineage, narrowDependencies } from './lineage.js';

export function stageResourceProfile(rdd: RDD<unknown>): ResourceProfile | null {
  const profiles = new Set<ResourceProfile>();
  for (const current of lineage(rdd, narrowDependencies)) {
    const profile = current.getResourceProfile();
    if (profile) profiles.add(profile);
  }
  if (profiles.size > 1) {
    const ids = [...profiles].map((profile) => profile.id).join(', ');
    throw new Error(`Multiple ResourceProfiles specified in the RDDs for this stage (profiles ${ids}), either resolve the conflicting ResourceProfiles yourself or give them to RDDs in different stages: Flint does not merge them.`);
  }
  return profiles.values().next().value ?? null;
}
