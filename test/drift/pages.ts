// Small pages for the alignment and drift tests, written the way istio.io writes them.
import { parsePage } from '../../src/page/parse.js';
import type { Page } from '../../src/page/types.js';

/** A `{{< text bash >}}` block with one command and its output lines. */
export function bash(command: string, ...output: string[]): string {
  return ['{{< text bash >}}', `$ ${command}`, ...output, '{{< /text >}}', ''].join('\n');
}

/** A block of another syntax. */
export function text(syntax: string, ...lines: string[]): string {
  return [`{{< text ${syntax} >}}`, ...lines, '{{< /text >}}', ''].join('\n');
}

/** A page of the given language at `content/<lang>/docs/demo/index.md`, from body parts. */
export function page(lang: string, ...parts: string[]): Page {
  return parsePage(`content/${lang}/docs/demo/index.md`, ['---', 'title: Demo', 'test: yes', '---', '', ...parts].join('\n'));
}

/** The ids of a page's blocks. */
export function ids(p: Page): (string | undefined)[] {
  return p.blocks.map((b) => b.id);
}
