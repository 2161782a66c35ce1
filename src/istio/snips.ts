// istio.io's `snips.sh` format, byte for byte, so istio.io's test scripts can source our output unchanged.
// It follows istio.io's generator, which works line by line on the markdown (not on the page structure):
// headings count wherever they stand, only openers with a space before `>}}` are recognised, and only
// `EOF` heredocs keep lines from being taken as output.
import { recognisedOpener, sectionOfHeading, SNIP_DELIMITER } from '../page/ids.js';
import { sitePathOf } from '../page/site-path.js';
import { substituteVars } from '../page/substitute.js';
import type { Page, Vars } from '../page/types.js';

const istioFile = /^(.*)(?<![A-Za-z0-9])@([\w.\-/]+)@(.*)$/s;
const heredocEof = /<<\s*\\?EOF/;
const execIt = /^(.*kubectl exec.*) -it (.*)$/;

export interface SnipsResult {
  /** The snippet text without header; empty when the page has no snippet and no boilerplate to source. */
  body: string;
  /** Lines with `kubectl exec -it`: written to the snippet as they are, and reported on standard error. */
  execItLines: number[];
}

interface Snippet {
  id: string;
  bash: boolean;
  indent: string;
  out: string[];
  /** Index in `out` of the open heredoc's opener (`<<\\ENDSNIP`), whose delimiter is chosen when it closes. */
  heredoc?: number;
}

// A delimiter no line of the heredoc's text equals (istio.io's `ENDSNIP`, else `ENDSNIP_1`, ...): a line equal to it would end
// the heredoc, and the lines after it would run as code when the snippets are sourced.
export function heredocDelimiter(lines: readonly string[]): string {
  const taken = new Set(lines.map((line) => line.replace(/\n$/, '')));
  let delimiter = SNIP_DELIMITER;
  for (let n = 1; taken.has(delimiter); n++) delimiter = `${SNIP_DELIMITER}_${n}`;
  return delimiter;
}

// Closes the snippet's open heredoc with a delimiter none of its lines equals, written into its opener too.
function closeHeredoc(snippet: Snippet): void {
  const start = snippet.heredoc!;
  const delimiter = heredocDelimiter(snippet.out.slice(start + 1));
  snippet.out[start] = snippet.out[start].replace(`<<\\${SNIP_DELIMITER}\n`, `<<\\${delimiter}\n`);
  snippet.out.push(`${delimiter}\n`);
  snippet.heredoc = undefined;
}

// Writes the snippets of one page; `boilerplateSources` are the `source` lines for its included boilerplates.
export function formatSnips(page: Page, vars: Vars | undefined, boilerplateSources: string[]): SnipsResult {
  const snippets: Snippet[] = [];
  const execItLines: number[] = [];
  let current: Snippet | undefined;
  let inEofHeredoc = false;
  let outputStarted = false;
  const githubFile = vars ? `https://raw.githubusercontent.com/istio/istio/${vars.sourceBranchName}` : undefined;
  // Ids come from the model (istio.io's naming; on a translation, the reference page's ids), never computed twice.
  const modelIds = new Map(page.blocks.map((block) => [block.line, block.id === undefined ? undefined : snippetName(page.file, block.id)]));

  page.lines.forEach((original, index) => {
    let line = githubFile ? original.replaceAll('{{< github_file >}}', githubFile) : original;
    // A heading line is never part of a snippet, even inside a block (istio.io's generator skips it).
    if (line.startsWith('##') && sectionOfHeading(line, page.lang) !== undefined) return;
    const opener = recognisedOpener.exec(line);
    if (opener) {
      const id = modelIds.get(index + 1);
      if (id === undefined) return; // `snip_id=none`
      const bash = opener[3] === 'bash';
      current = { id, bash, indent: opener[1], out: [bash ? `\n${id}() {\n` : `\n! IFS=$'\\n' read -r -d '' ${id} <<\\${SNIP_DELIMITER}\n`], ...(bash ? {} : { heredoc: 0 }) };
      snippets.push(current);
      return;
    }
    if (/^\s*\{\{< boilerplate\s*"?[a-zA-Z0-9-]+"? >\}\}$/.test(line) || !current) return;
    if (current.indent && line.startsWith(current.indent)) line = line.slice(current.indent.length);
    if (line.includes('{{< /text >}}')) {
      if (current.bash && !outputStarted) current.out.push('}\n');
      else closeHeredoc(current);
      current = undefined;
      inEofHeredoc = false;
      outputStarted = false;
      return;
    }
    if (current.bash) {
      if (line.startsWith('$ ')) line = line.slice(2);
      else if (inEofHeredoc) {
        if (line === 'EOF') inEofHeredoc = false;
      } else if (!current.out[current.out.length - 1].endsWith('\\\n') && !outputStarted) {
        current.out.push(`}\n\n! IFS=$'\\n' read -r -d '' ${current.id}_out <<\\${SNIP_DELIMITER}\n`);
        current.heredoc = current.out.length - 1;
        outputStarted = true;
      }
      for (let m = istioFile.exec(line); m; m = istioFile.exec(line)) line = m[1] + m[2] + m[3];
      if (execIt.test(line)) execItLines.push(index + 1);
      if (heredocEof.test(line)) inEofHeredoc = true;
    }
    current.out.push(`${substituteVars(line, vars)}\n`);
  });
  if (snippets.length === 0 && boilerplateSources.length === 0) return { body: '', execItLines };
  const body = boilerplateSources.map((file) => `source "${file}"\n`).join('') + snippets.map((s) => s.out.join('')).join('');
  return { body, execItLines };
}

// The name istio.io's generator gives a block's snippet: a boilerplate's `snip_X` is `bpsnip_<boilerplate>_X`
// (`gateway-api-install-crds.md`: `bpsnip_gateway_api_install_crds_install_crds`), so pages and boilerplates never clash.
export function snippetName(file: string, id: string): string {
  const boilerplate = /[\\/]boilerplates[\\/]([^\\/]+)\.md$/.exec(`/${file}`);
  if (!boilerplate || !id.startsWith('snip_')) return id;
  return `bpsnip_${boilerplate[1].replace(/-/g, '_')}_${id.slice('snip_'.length)}`;
}

// The header istio.io's generator (scripts/snip.py) puts above generated snippets, byte for byte, naming the markdown
// file they come from relative to its language folder (`docs/tasks/x/index.md`): regenerating istio.io's snips files
// with `extract --format snips` changes no header. The body follows at once (a `source` line, or a blank line).
export function snipsHeader(markdown: string): string {
  const name = sitePathOf(markdown)?.inSite ?? markdown;
  return [
    '#!/bin/bash',
    '# shellcheck disable=SC2034,SC2153,SC2155,SC2164',
    '',
    '# Copyright Istio Authors. All Rights Reserved.',
    '#',
    '# Licensed under the Apache License, Version 2.0 (the "License");',
    '# you may not use this file except in compliance with the License.',
    '# You may obtain a copy of the License at',
    '#',
    '#    http://www.apache.org/licenses/LICENSE-2.0',
    '#',
    '# Unless required by applicable law or agreed to in writing, software',
    '# distributed under the License is distributed on an "AS IS" BASIS,',
    '# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.',
    '# See the License for the specific language governing permissions and',
    '# limitations under the License.',
    '',
    '####################################################################################################',
    '# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:',
    `#          ${name}`,
    '####################################################################################################',
    '',
  ].join('\n');
}

// Whether a page (or a boilerplate it includes, recursively) yields snippets, which decides if it gets a `source` line.
export function hasSnippets(page: Page, seen = new Set<string>()): boolean {
  if (seen.has(page.file)) return false;
  seen.add(page.file);
  if (page.lines.some((line) => recognisedOpener.test(line))) return true;
  return page.includes.some((include) => include.page !== undefined && hasSnippets(include.page, seen));
}


// The `source` lines for a page's boilerplates that have snippets, first use first, once each.
export function boilerplateSources(page: Page): string[] {
  const sources: string[] = [];
  for (const include of page.includes) {
    if (!include.page || !hasSnippets(include.page)) continue;
    const lang = sitePathOf(include.page.file)?.lang ?? page.lang;
    const source = `content/${lang}/boilerplates/snips/${include.name}.sh`;
    if (!sources.includes(source)) sources.push(source);
  }
  return sources;
}


/**
 * Where a page's snips file goes under an output folder, laid out as istio.io lays it out so that the `source` lines
 * resolve from that folder: `content/<lang>/P/index.md` → `content/<lang>/P/snips.sh`, `P/NAME.md` →
 * `P/NAME.md_snips.sh`, a boilerplate `content/<lang>/boilerplates/NAME.md` → `content/<lang>/boilerplates/snips/NAME.sh`.
 * A page outside `content/<lang>/` keeps the path it was given.
 */
export function snipsPath(file: string): string {
  // In a site, the site-relative spelling the `source` lines of snips files use (the site rule: the last `content/<lang>/`).
  const site = sitePathOf(file);
  // Outside a site, the path as given, kept under the output folder (no leading `/` or `../`).
  const path = site ? `content/${site.lang}/${site.inSite}` : file.replaceAll('\\', '/').replace(/^(?:\.{0,2}\/)+/, '');
  const boilerplate = /^(content\/[^/]+\/boilerplates\/)([^/]+)\.md$/.exec(path);
  if (boilerplate) return `${boilerplate[1]}snips/${boilerplate[2]}.sh`;
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  return `${path.slice(0, slash + 1)}${name === 'index.md' ? 'snips.sh' : `${name}_snips.sh`}`;
}

