// Naming kinds for people: in failure messages, and as placeholders in keys and diffs.
import { describeHeaderShape } from './header.js';
import { FIXED_PORT } from './ipv4.js';
import type { Kind } from './reading.js';

// Names an IP address and its form.
function address(name: string, form: string): string {
  if (form.startsWith(FIXED_PORT)) return `${form.slice(FIXED_PORT.length)} with an ephemeral port`;
  if (form === 'port' || form === 'bracket-port') return `${name} with an ephemeral port`;
  if (form === 'prefix') return `${name} with a prefix length`;
  return name;
}

// Names a generated name from its form `SHAPE:BASE`.
function generatedName(form: string): string {
  const [shape, base] = [form.slice(0, form.indexOf(':')), form.slice(form.indexOf(':') + 1)];
  const what = shape === 'hs' ? 'BASE-HASH-SUFFIX' : shape === 's' ? 'BASE-SUFFIX' : 'BASE-HASH';
  return `a generated name ${what} with BASE "${base}"`;
}

const TIMESTAMP_FORMS: Record<string, string> = { date: 'a date', time: 'a time of day', http: 'an HTTP date', unix: 'a date as `date` prints it', clf: 'a Common Log Format timestamp' };

// How each kind is named in messages, given its form.
const DESCRIBE: Record<Kind, (form: string) => string> = {
  ipv4: (form) => address('an IPv4 address', form),
  ipv6: (form) => address('an IPv6 address', form),
  age: () => 'an age or duration',
  pod: generatedName,
  hex: (form) => `a hexadecimal id of ${parseInt(form.replace(/^0x/, ''), 10)} characters`,
  uuid: () => 'a UUID',
  timestamp: (form) => TIMESTAMP_FORMS[form] ?? 'a timestamp',
  version: () => 'a version number',
  nodeport: (form) => `a node port mapping of ${form}`,
  serial: () => 'a serial number',
  header: (form) => describeHeaderShape(form),
};

// Names a kind (and its form) for messages: "an IPv4 address with an ephemeral port", "a generated name of reviews-v1".
export function describeKind(kind: Kind, form = ''): string {
  return DESCRIBE[kind](form);
}

// The placeholder of each kind.
const PLACEHOLDERS: Record<Kind, string> = {
  ipv4: '[ip]',
  ipv6: '[ip]',
  age: '[age]',
  pod: '[pod]',
  hex: '[hex]',
  uuid: '[uuid]',
  timestamp: '[time]',
  version: '[version]',
  nodeport: '[nodeport]',
  serial: '[serial]',
  header: '[header]',
};

/** Named placeholder of a kind, as shown in keys and when a value has no expected counterpart. */
export function placeholder(kind: Kind): string {
  return PLACEHOLDERS[kind];
}
