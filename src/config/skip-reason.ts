// Why a block's steps do not run, shared by the run plan and by drift (a block the reference runs and a translation
// does not is drift of its own kind).
import type { BlockSpec } from './spec.js';
import type { Block } from '../page/types.js';

// Why a block's steps do not run: the spec says so, or istio.io marks the block `snip_id=none` and the spec does not opt it in.
export function skipReason(block: Block, blockSpec: BlockSpec | undefined): string | undefined {
  if (blockSpec?.skip !== undefined) return `skipped by doctest.yaml: ${blockSpec.skip}`;
  if (block.attributes.named.snip_id !== 'none' || blockSpec?.run === true) return undefined;
  return `snip_id=none: istio.io marks this block never to run (\`${block.placeId ?? 'its id'}: { run: true }\` under \`blocks:\` in doctest.yaml runs it)`;
}
