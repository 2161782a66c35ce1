// The versions a run record names: the cluster's Kubernetes and the Istio release the run uses. Asked once, bounded;
// a program that is missing or fails gives null, never an error (the record says the version is unknown).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../shell/run-command.js';

// The first capture of a pattern in a command's output, or null when the command failed or printed no such line.
async function ask(program: string, args: string[], pattern: RegExp, env: Record<string, string>): Promise<string | null> {
  const result = await runCommand(program, args, { timeoutMs: 15000, env });
  if (result.failed && result.exitCode === undefined) return null;
  return pattern.exec(String(result.all ?? ''))?.[1] ?? null;
}

/** `kubectl version`'s server version and `istioctl version`'s client version (the istioctl of the Istio directory when given). */
export async function clusterVersions(istioDir: string | undefined, context: string | undefined): Promise<{ kubernetes: string | null; istio: string | null }> {
  const env: Record<string, string> = {};
  const istioctl = istioDir && existsSync(join(istioDir, 'bin', 'istioctl')) ? join(istioDir, 'bin', 'istioctl') : 'istioctl';
  const [kubernetes, istio] = await Promise.all([
    ask('kubectl', [...(context ? [`--context=${context}`] : []), 'version'], /^Server Version:\s*(\S+)/m, env),
    ask(istioctl, ['version', ...(context ? [`--context=${context}`] : [])], /^client version:\s*(\S+)/im, env),
  ]);
  return { kubernetes, istio };
}
