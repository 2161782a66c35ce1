// What the parser reads a line as when it stands among a block's lines of output: the one answer `run --update` and
// `sync` ask before they write a line into a block, so a page's text can never gain a construct from an output.
import { isCommandLine } from './bash-steps.js';
import { SNIP_DELIMITER, sectionHeading } from './ids.js';
import { shortcodeInLine } from './shortcodes.js';

/** Which readings to look for: what is meant as a program's output may hold no `$ ` command, no shortcode at all and
 * no `##` heading; a block's text copied from a reference page, where it reads the same, may hold commands, headings
 * and the shortcodes Hugo renders, never a construct the parser or Hugo reads as the page's structure. */
export interface ContentLineOptions {
  /** The block's syntax (`bash` blocks read `$ ` lines as commands). */
  syntax: string;
  /** Whether the line is meant as a program's output (`run --update`), not as a block's text (`sync`). */
  asOutput: boolean;
}

// Names what the parser would make of a line (without the block's indentation) written inside a block, other than a
// line of the block's text; undefined when it is read as text and nothing else.
export function contentLineReading(text: string, options: ContentLineOptions): string | undefined {
  const found = shortcodeInLine(text);
  if (found && (found.construct || options.asOutput)) return `a shortcode: ${found.shortcode}`;
  if (options.asOutput && options.syntax === 'bash' && isCommandLine(text)) return 'a command (a `$ ` line)';
  if (options.asOutput && sectionHeading.test(text)) return 'a section heading (istio.io names the snippets of the blocks after it from it, even inside a block)';
  if (text === SNIP_DELIMITER) return `\`${SNIP_DELIMITER}\`, the heredoc delimiter of istio.io's generated snippets`;
  return undefined;
}
