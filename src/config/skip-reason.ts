// Why a block's steps do not run, shared by the run plan and by drift (a block the reference runs and a translation
// does not is drift of its own kind).
import type { BlockSpec } from './spec.js';
import type { Block } from '../page/types.js';

/** What keeps a block from running: its doctest.yaml's `skip:`, or istio.io's `snip_id=none` (not opted in). */
export type SkipCause = 'spec-skip' | 'snip-id-none';

/** A block that does not run: what keeps it, and the reason in words. */
export interface BlockSkip {
  cause: SkipCause;
  reason: string;
}

// Why a block's steps do not run: the spec says so, or istio.io marks the block `snip_id=none` and the spec does not opt it in.
export function blockSkip(block: Block, blockSpec: BlockSpec | undefined): BlockSkip | undefined {
  if (blockSpec?.skip !== undefined) return { cause: 'spec-skip', reason: `skipped by doctest.yaml: ${blockSpec.skip}` };
  if (block.attributes.named.snip_id !== 'none' || blockSpec?.run === true) return undefined;
  return { cause: 'snip-id-none', reason: `snip_id=none: istio.io marks this block never to run (\`${block.placeId ?? 'its id'}: { run: true }\` under \`blocks:\` in doctest.yaml runs it)` };
}

// The reason alone, as the plan shows it.
export function skipReason(block: Block, blockSpec: BlockSpec | undefined): string | undefined {
  return blockSkip(block, blockSpec)?.reason;
}
