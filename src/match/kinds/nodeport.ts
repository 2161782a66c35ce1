// Node ports of `kubectl get svc`: PORT:NODEPORT/PROTO.
import type { Reading } from './reading.js';
import { digitRun, endsWord, fixedDigits, isWordAt } from './chars.js';

// Reads `PORT:NODEPORT/PROTO` of `kubectl get svc`, where the node port (30000-32767) is random.
export function readNodePort(s: string, i: number): Reading | null {
  if (i > 0 && (isWordAt(s, i - 1) || s[i - 1] === ':' || s[i - 1] === '.')) return null;
  const n = digitRun(s, i);
  if (n === 0 || n > 5 || s[i + n] !== ':') return null;
  const nodePort = fixedDigits(s, i + n + 1, 5);
  if (nodePort < 30000 || nodePort > 32767 || s[i + n + 6] !== '/') return null;
  const protoStart = i + n + 7;
  const proto = ['TCP', 'UDP', 'SCTP'].find((p) => s.startsWith(p, protoStart));
  if (!proto || !endsWord(s, protoStart + proto.length)) return null;
  return { kind: 'nodeport', end: protoStart + proto.length, forms: [`${s.slice(i, i + n)}/${proto}`] };
}
