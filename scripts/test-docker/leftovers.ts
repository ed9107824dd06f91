/**
 * What runs of `npm run test:docker` leave in Docker: each run's compose project and image are
 * named after its PID (flint-docker-test-PID, flint:docker-test-PID). A run removes its own at
 * the end and checks that nothing new is left; one that was killed outright could not, so the
 * next run removes the projects and images of runs whose process is gone.
 */
import { composeRun, imageExists } from './engine.js';
import { processStat } from './processes.js';
import { run, say } from './shell.js';

export const PROJECT_PREFIX = 'flint-docker-test-';
export const IMAGE_PREFIX = 'flint:docker-test-';

export interface DockerSnapshot {
  readonly containers: Set<string>;
  readonly volumes: Set<string>;
}

const lines = (text: string): string[] => text.split('\n').filter(Boolean);

export function snapshot(): DockerSnapshot {
  return { containers: new Set(lines(run('docker', ['ps', '-aq', '--no-trunc']))), volumes: new Set(lines(run('docker', ['volume', 'ls', '-q']))) };
}

/** Throws when containers or volumes exist now that did not at `before`, or `image` still exists. */
export function checkNoLeftovers(before: DockerSnapshot, image: string | undefined): void {
  const now = snapshot();
  const containers = [...now.containers].filter((id) => !before.containers.has(id));
  const volumes = [...now.volumes].filter((id) => !before.volumes.has(id));
  const images = image && imageExists(image) ? [image] : [];
  if (containers.length + volumes.length + images.length > 0) {
    throw new Error(`left behind: containers [${containers.join(', ')}], volumes [${volumes.join(', ')}], images [${images.join(', ')}]`);
  }
}

const runIsGone = (pid: number): boolean => pid !== process.pid && processStat(pid) === undefined;

/** Removes the compose projects (containers, volumes) and images of earlier runs whose process is gone. */
export function removeStaleRuns(compose: string[]): void {
  const projectLabel = '{{.Label "com.docker.compose.project"}}';
  const projects = new Set([
    ...lines(run('docker', ['ps', '-a', '--filter', 'label=com.docker.compose.project', '--format', projectLabel])),
    ...lines(run('docker', ['volume', 'ls', '--filter', 'label=com.docker.compose.project', '--format', projectLabel])),
  ]);
  for (const project of projects) {
    if (!project.startsWith(PROJECT_PREFIX) || !runIsGone(Number(project.slice(PROJECT_PREFIX.length)))) continue;
    say(`removing ${project}, left by an earlier run that did not finish`);
    composeRun(compose, project, ['down', '-v', '--remove-orphans', '-t', '1'], process.env);
  }
  for (const image of lines(run('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}']))) {
    if (!image.startsWith(IMAGE_PREFIX) || !runIsGone(Number(image.slice(IMAGE_PREFIX.length)))) continue;
    say(`removing ${image}, left by an earlier run that did not finish`);
    run('docker', ['rmi', '-f', image]);
  }
}
