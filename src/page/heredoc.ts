// Heredoc operators in a command line: `<<EOF`, `<<\EOF`, `<<'EOF'`, `<< "END"`, `<<-EOF`, any delimiter.

export interface Heredoc {
  delimiter: string;
  /** `<<-` strips leading tabs from body lines and from the delimiter line. */
  stripTabs: boolean;
}

const operator = /<<(-?)[ \t]*(?:\\([^\s;&|<>()'"`]+)|'([^']*)'|"([^"]*)"|([^\s;&|<>()'"`]+))/g;

// Lists the heredocs a command line opens, in order (bash reads their bodies one after another); `<<<` is a here-string, not a heredoc.
export function heredocsOpenedBy(line: string): Heredoc[] {
  const found: Heredoc[] = [];
  const text = stripQuotedAndComments(line);
  operator.lastIndex = 0;
  for (let m = operator.exec(text); m; m = operator.exec(text)) {
    if (text[m.index + 2] === '<' || (m.index > 0 && text[m.index - 1] === '<')) continue;
    const delimiter = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (delimiter) found.push({ delimiter, stripTabs: m[1] === '-' });
  }
  return found;
}

// Whether a body line ends the heredoc.
export function endsHeredoc(line: string, heredoc: Heredoc): boolean {
  const candidate = heredoc.stripTabs ? line.replace(/^\t+/, '') : line;
  return candidate === heredoc.delimiter || candidate.trimEnd() === heredoc.delimiter;
}

// Blanks out single-quoted strings (except a quoted heredoc delimiter right after `<<`) and `#` comments,
// so `echo '<<EOF'` or `# see <<EOF` do not open a heredoc.
function stripQuotedAndComments(line: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      out += c === quote ? c : ' ';
      if (c === quote) quote = null;
      continue;
    }
    if (c === '\\') {
      out += c + (line[i + 1] ?? '');
      i++;
      continue;
    }
    if ((c === "'" || c === '"') && !/<<-?[ \t]*$/.test(out)) {
      quote = c;
      out += c;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
    out += c;
  }
  return out;
}
