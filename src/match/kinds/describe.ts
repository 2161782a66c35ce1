// Naming kinds for people: in failure messages, and as placeholders in keys and diffs.
import type { Kind } from './reading.js';

// Names a kind (and its form) for messages: "an IPv4 address with a port", "a generated name of reviews-v1".
export function describeKind(kind: Kind, form = ''): string {
  switch (kind) {
    case 'ipv4':
    case 'ipv6': {
      const name = kind === 'ipv4' ? 'an IPv4 address' : 'an IPv6 address';
      if (form === 'port' || form === 'bracket-port') return `${name} with a port`;
      if (form === 'prefix') return `${name} with a prefix length`;
      return name;
    }
    case 'age':
      return 'an age or duration';
    case 'pod': {
      const [shape, base] = [form.slice(0, form.indexOf(':')), form.slice(form.indexOf(':') + 1)];
      const what = shape === 'hs' ? 'BASE-HASH-SUFFIX' : shape === 's' ? 'BASE-SUFFIX' : 'BASE-HASH';
      return `a generated name ${what} with BASE "${base}"`;
    }
    case 'hex':
      return `a hexadecimal id of ${parseInt(form, 10)} characters`;
    case 'uuid':
      return 'a UUID';
    case 'timestamp':
      return form === 'date' ? 'a date' : form === 'time' ? 'a time of day' : form === 'http' ? 'an HTTP date' : 'a timestamp';
    case 'version':
      return 'a version number';
    case 'nodeport':
      return `a node port mapping of ${form}`;
  }
}

/** Named placeholder of a kind, as shown in keys and when a value has no expected counterpart. */
export function placeholder(kind: Kind): string {
  switch (kind) {
    case 'ipv4':
    case 'ipv6':
      return '[ip]';
    case 'age':
      return '[age]';
    case 'pod':
      return '[pod]';
    case 'hex':
      return '[hex]';
    case 'uuid':
      return '[uuid]';
    case 'timestamp':
      return '[time]';
    case 'version':
      return '[version]';
    case 'nodeport':
      return '[nodeport]';
  }
}
