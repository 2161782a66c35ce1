// The guarded kube context, held for the whole run: every command the runner issues itself names it (`--context`, which
// kubectl and istioctl both take), and a step that switches the current context (`kubectl config use-context other`)
// is noticed after it ends, named, and undone before the runner's next call, so the runner never follows a page to a
// cluster the guard refused.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../shell/run-command.js';

/** The arguments that pin a kubectl or istioctl call to the guarded context (none when no context was guarded). */
export function contextArgs(context: string | undefined): string[] {
  return context ? ['--context', context] : [];
}

/** A switch of the current context a step made, and what the runner did about it. */
export interface ContextSwitch {
  /** The context the step left current. */
  to: string;
  /** Whether the guarded context is current again. */
  restored: boolean;
  /** Why it could not be restored. */
  why?: string;
}

/** Watches the kubeconfig the runner's kubectl reads: only when its files changed is kubectl asked which context is
 * current (a stat per step, not a kubectl per step). */
export class ContextWatch {
  private stamp: string;

  constructor(
    readonly guarded: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.stamp = this.filesStamp();
  }

  /** After a step: the switch it made (the guarded context restored), or undefined when the current context is still
   * the guarded one. */
  async afterStep(): Promise<ContextSwitch | undefined> {
    const stamp = this.filesStamp();
    if (stamp === this.stamp) return undefined;
    this.stamp = stamp;
    const current = await runCommand('kubectl', ['config', 'current-context'], { timeoutMs: 15000 });
    const name = String(current.stdout ?? '').trim();
    if (current.exitCode === 0 && name === this.guarded) return undefined;
    const to = current.exitCode === 0 && name !== '' ? name : '(none)';
    const restore = await runCommand('kubectl', ['config', 'use-context', this.guarded], { timeoutMs: 15000 });
    this.stamp = this.filesStamp();
    if (restore.exitCode === 0) return { to, restored: true };
    return { to, restored: false, why: String(restore.all ?? '').trim().split('\n')[0] || `exit code ${restore.exitCode}` };
  }

  // The kubeconfig files (KUBECONFIG's list, else ~/.kube/config) as they are now: inode, size and time of each.
  private filesStamp(): string {
    const files = this.env.KUBECONFIG ? this.env.KUBECONFIG.split(':').filter(Boolean) : [join(homedir(), '.kube', 'config')];
    return files
      .map((file) => {
        try {
          const s = statSync(file);
          return `${s.ino}:${s.size}:${s.mtimeMs}`;
        } catch {
          return '-';
        }
      })
      .join('|');
  }
}
